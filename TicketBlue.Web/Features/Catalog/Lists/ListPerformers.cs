using Microsoft.EntityFrameworkCore;
using TicketBlue.Infrastructure.Persistence;
using TicketBlue.Infrastructure.Persistence.Replication;

namespace TicketBlue.Web.Features.Catalog.Lists;

/// <summary>A performer in "아티스트": name, kind (배우, 가수…) and photo, with how many published shows they are in.</summary>
public sealed record PerformerListItem(long Id, string Name, string? EnglishName, string Kind, string? PhotoUrl, int Performances);

public interface IListPerformersHandler
{
    Task<CatalogListPage<PerformerListItem>> HandleAsync(CatalogListSort sort, int page, CancellationToken cancellationToken);
}

/// <summary>Performers not archived (those with a public page), sorted and paged in MariaDB: a count and one page.</summary>
public sealed class ListPerformersHandler([FromKeyedServices(ReadDbContextFactory.Key)] IDbContextFactory<TicketBlueDbContext> contextFactory) : IListPerformersHandler
{
    public async Task<CatalogListPage<PerformerListItem>> HandleAsync(CatalogListSort sort, int page, CancellationToken cancellationToken)
    {
        page = Math.Clamp(page, 1, 10_000);
        await using var context = await contextFactory.CreateDbContextAsync(cancellationToken);

        var performers = context.Performers.AsNoTracking().Where(performer => !performer.IsArchived);
        var total = await performers.CountAsync(cancellationToken);
        var sorted = sort == CatalogListSort.Newest
            ? performers.OrderByDescending(performer => performer.CreatedAt).ThenByDescending(performer => performer.Id)
            : performers.OrderBy(performer => performer.Name).ThenBy(performer => performer.Id);
        var published = context.PublishedPerformances();
        var rows = await sorted
            .Skip(CatalogListPaging.Skip(page))
            .Take(CatalogListPaging.PageSize)
            .Select(performer => new
            {
                performer.Id,
                performer.Name,
                performer.EnglishName,
                performer.Kind,
                performer.PhotoKey,
                Performances = published.Count(performance => performance.Cast.Any(member => member.PerformerId == performer.Id)),
            })
            .ToListAsync(cancellationToken);

        return new CatalogListPage<PerformerListItem>(
            rows.Select(row => new PerformerListItem(row.Id, row.Name, row.EnglishName, row.Kind, row.PhotoKey is null ? null : MediaUrls.For(row.PhotoKey), row.Performances)).ToList(),
            total,
            page,
            CatalogListPaging.PageSize);
    }
}
