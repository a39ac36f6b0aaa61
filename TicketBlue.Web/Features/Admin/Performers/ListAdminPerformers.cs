using Microsoft.EntityFrameworkCore;
using TicketBlue.Infrastructure.Persistence;

namespace TicketBlue.Web.Features.Admin.Performers;

public sealed record PerformerRow(long Id, string Name, string? EnglishName, string Kind, DateOnly? BirthDate, string? Nationality, bool IsArchived, int PerformanceCount, string? PhotoUrl = null);

public interface IListAdminPerformersHandler
{
    Task<PagedResult<PerformerRow>> HandleAsync(PageRequest request, bool includeArchived, CancellationToken cancellationToken);
}

/// <summary>The back office's performer list: searched, sorted and paged in the database.</summary>
public sealed class ListAdminPerformersHandler(IDbContextFactory<TicketBlueDbContext> contextFactory) : IListAdminPerformersHandler
{
    public async Task<PagedResult<PerformerRow>> HandleAsync(PageRequest request, bool includeArchived, CancellationToken cancellationToken)
    {
        await using var context = await contextFactory.CreateDbContextAsync(cancellationToken);
        var query = context.Performers.AsNoTracking();
        if (!includeArchived)
        {
            query = query.Where(performer => !performer.IsArchived);
        }

        if (!string.IsNullOrWhiteSpace(request.Search))
        {
            var term = request.Search.Trim();
            query = query.Where(performer => performer.Name.Contains(term) || (performer.EnglishName != null && performer.EnglishName.Contains(term)));
        }

        query = (request.SortBy, request.Descending) switch
        {
            (nameof(PerformerRow.Kind), false) => query.OrderBy(performer => performer.Kind).ThenBy(performer => performer.Name),
            (nameof(PerformerRow.Kind), true) => query.OrderByDescending(performer => performer.Kind).ThenBy(performer => performer.Name),
            (nameof(PerformerRow.BirthDate), false) => query.OrderBy(performer => performer.BirthDate),
            (nameof(PerformerRow.BirthDate), true) => query.OrderByDescending(performer => performer.BirthDate),
            (nameof(PerformerRow.Name), true) => query.OrderByDescending(performer => performer.Name),
            (nameof(PerformerRow.Id), true) => query.OrderByDescending(performer => performer.Id),
            (nameof(PerformerRow.Id), false) => query.OrderBy(performer => performer.Id),
            _ => query.OrderBy(performer => performer.Name),
        };

        var total = await query.CountAsync(cancellationToken);
        var rows = await query
            .Skip(request.Skip)
            .Take(request.Take)
            .Select(performer => new PerformerRow(
                performer.Id,
                performer.Name,
                performer.EnglishName,
                performer.Kind,
                performer.BirthDate,
                performer.Nationality,
                performer.IsArchived,
                context.Performances.Count(performance => performance.Cast.Any(member => member.PerformerId == performer.Id)),
                performer.PhotoKey))
            .ToListAsync(cancellationToken);
        return new PagedResult<PerformerRow>(rows.Select(row => row with { PhotoUrl = row.PhotoUrl is null ? null : MediaUrls.For(row.PhotoUrl) }).ToList(), total);
    }
}
