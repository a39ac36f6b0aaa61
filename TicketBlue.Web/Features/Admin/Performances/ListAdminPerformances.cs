using Microsoft.EntityFrameworkCore;
using TicketBlue.Domain.Performances;
using TicketBlue.Domain.Rounds;
using TicketBlue.Infrastructure.Persistence;

namespace TicketBlue.Web.Features.Admin.Performances;

public sealed record PerformanceRow(long Id, string Title, Category Category, string VenueName, DateOnly FirstDay, DateOnly LastDay, PerformanceStatus Status, int ScheduledRounds);

public sealed record PerformanceFilter(Category? Category, PerformanceStatus? Status);

public interface IListAdminPerformancesHandler
{
    Task<PagedResult<PerformanceRow>> HandleAsync(PageRequest request, PerformanceFilter filter, CancellationToken cancellationToken);
}

public sealed class ListAdminPerformancesHandler(IDbContextFactory<TicketBlueDbContext> contextFactory) : IListAdminPerformancesHandler
{
    public async Task<PagedResult<PerformanceRow>> HandleAsync(PageRequest request, PerformanceFilter filter, CancellationToken cancellationToken)
    {
        await using var context = await contextFactory.CreateDbContextAsync(cancellationToken);
        var query = context.Performances.AsNoTracking();
        if (filter.Category is { } category)
        {
            query = query.Where(performance => performance.Category == category);
        }

        query = filter.Status is { } status
            ? query.Where(performance => performance.Status == status)
            : query.Where(performance => performance.Status != PerformanceStatus.Archived);

        if (!string.IsNullOrWhiteSpace(request.Search))
        {
            var term = request.Search.Trim();
            query = query.Where(performance => performance.Title.Contains(term) || (performance.EnglishTitle != null && performance.EnglishTitle.Contains(term)));
        }

        query = (request.SortBy, request.Descending) switch
        {
            (nameof(PerformanceRow.Title), false) => query.OrderBy(performance => performance.Title),
            (nameof(PerformanceRow.Title), true) => query.OrderByDescending(performance => performance.Title),
            (nameof(PerformanceRow.FirstDay), false) => query.OrderBy(performance => performance.Run.First),
            (nameof(PerformanceRow.FirstDay), true) => query.OrderByDescending(performance => performance.Run.First),
            (nameof(PerformanceRow.Category), false) => query.OrderBy(performance => performance.Category).ThenBy(performance => performance.Title),
            (nameof(PerformanceRow.Category), true) => query.OrderByDescending(performance => performance.Category).ThenBy(performance => performance.Title),
            _ => query.OrderByDescending(performance => performance.Id),
        };

        var total = await query.CountAsync(cancellationToken);
        var rows = await query
            .Skip(request.Skip)
            .Take(request.Take)
            .Select(performance => new PerformanceRow(
                performance.Id,
                performance.Title,
                performance.Category,
                context.Venues.Where(venue => venue.Id == performance.VenueId).Select(venue => venue.Name).First(),
                performance.Run.First,
                performance.Run.Last,
                performance.Status,
                context.Rounds.Count(round => round.PerformanceId == performance.Id && round.Status == RoundStatus.Scheduled)))
            .ToListAsync(cancellationToken);
        return new PagedResult<PerformanceRow>(rows, total);
    }
}
