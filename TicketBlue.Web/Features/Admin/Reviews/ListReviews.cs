using Microsoft.EntityFrameworkCore;
using TicketBlue.Infrastructure.Persistence;

namespace TicketBlue.Web.Features.Admin.Reviews;

/// <summary>A review as the back office sees it: the author unmasked, hidden ones included.</summary>
public sealed record AdminReviewRow(
    long Id,
    long PerformanceId,
    string PerformanceTitle,
    long ReservationId,
    int Rating,
    string Content,
    string? AuthorName,
    string? AuthorEmail,
    DateTimeOffset CreatedAt,
    DateTimeOffset? UpdatedAt,
    bool IsHidden,
    DateTimeOffset? HiddenAt);

/// <summary>Which reviews: free text in the words or the show's title, one show, or the hidden ones only.</summary>
public sealed record AdminReviewFilter(string? Search = null, long? PerformanceId = null, bool HiddenOnly = false);

public interface IListReviewsHandler
{
    Task<PagedResult<AdminReviewRow>> HandleAsync(AdminReviewFilter filter, int page, int pageSize, CancellationToken cancellationToken);
}

/// <summary>Reviews newest first, for finding an abusive one to hide.</summary>
public sealed class ListReviewsHandler(IDbContextFactory<TicketBlueDbContext> contextFactory) : IListReviewsHandler
{
    public async Task<PagedResult<AdminReviewRow>> HandleAsync(AdminReviewFilter filter, int page, int pageSize, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var request = new PageRequest(page, pageSize);
        await using var context = await contextFactory.CreateDbContextAsync(cancellationToken);
        var query =
            from review in context.Reviews.AsNoTracking()
            join performance in context.Performances.AsNoTracking() on review.PerformanceId equals performance.Id
            select new { Review = review, performance.Title };
        if (filter.PerformanceId is { } performanceId)
        {
            query = query.Where(row => row.Review.PerformanceId == performanceId);
        }

        if (filter.HiddenOnly)
        {
            query = query.Where(row => row.Review.IsHidden);
        }

        if (!string.IsNullOrWhiteSpace(filter.Search))
        {
            var term = filter.Search.Trim();
            query = query.Where(row => row.Review.Content.Contains(term) || row.Title.Contains(term));
        }

        var total = await query.CountAsync(cancellationToken);
        var rows = await query
            .OrderByDescending(row => row.Review.CreatedAt)
            .ThenByDescending(row => row.Review.Id)
            .Skip(request.Skip)
            .Take(request.Take)
            .Select(row => new AdminReviewRow(
                row.Review.Id,
                row.Review.PerformanceId,
                row.Title,
                row.Review.ReservationId,
                row.Review.Rating,
                row.Review.Content,
                context.Users.Where(user => user.Id == row.Review.UserId).Select(user => user.DisplayName).FirstOrDefault(),
                context.Users.Where(user => user.Id == row.Review.UserId).Select(user => user.Email).FirstOrDefault(),
                row.Review.CreatedAt,
                row.Review.UpdatedAt,
                row.Review.IsHidden,
                row.Review.HiddenAt))
            .ToListAsync(cancellationToken);
        return new PagedResult<AdminReviewRow>(rows, total);
    }
}
