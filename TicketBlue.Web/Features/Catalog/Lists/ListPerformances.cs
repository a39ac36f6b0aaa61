using Microsoft.EntityFrameworkCore;
using TicketBlue.Infrastructure.Persistence;
using TicketBlue.Infrastructure.Persistence.Replication;
using TicketBlue.Web.Features.Catalog.Home;

namespace TicketBlue.Web.Features.Catalog.Lists;

/// <summary>"전체 공연": every published performance as cards, and the instant the query ran at (for "opening soon").</summary>
public sealed record PerformanceListing(CatalogListPage<PerformanceCard> Cards, DateTimeOffset AsOf);

public interface IListPerformancesHandler
{
    Task<PerformanceListing> HandleAsync(CatalogListSort sort, int page, CancellationToken cancellationToken);
}

/// <summary>
/// Every performance customers may see, in MariaDB: a count and one page of cards (sub-queries, no
/// N+1). 공연일순 puts shows with a round to come first, soonest first, then the rest by their last day,
/// latest first, so finished runs sink to the end rather than disappear.
/// </summary>
public sealed class ListPerformancesHandler([FromKeyedServices(ReadDbContextFactory.Key)] IDbContextFactory<TicketBlueDbContext> contextFactory, TimeProvider clock) : IListPerformancesHandler
{
    public async Task<PerformanceListing> HandleAsync(CatalogListSort sort, int page, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        page = Math.Clamp(page, 1, 10_000);
        await using var context = await contextFactory.CreateDbContextAsync(cancellationToken);

        var published = context.PublishedPerformances();
        var total = await published.CountAsync(cancellationToken);
        var rows = published.ToCardRows(context, now);
        var sorted = sort switch
        {
            CatalogListSort.Name => rows.OrderBy(row => row.Title).ThenBy(row => row.Id),
            CatalogListSort.Newest => rows.OrderByDescending(row => row.CreatedAt).ThenByDescending(row => row.Id),
            _ => rows.OrderBy(row => row.NextRoundAt == null).ThenBy(row => row.NextRoundAt).ThenByDescending(row => row.LastDay).ThenBy(row => row.Id),
        };
        var items = await sorted
            .Skip(CatalogListPaging.Skip(page))
            .Take(CatalogListPaging.PageSize)
            .ToListAsync(cancellationToken);

        return new PerformanceListing(
            new CatalogListPage<PerformanceCard>(items.Select(row => row.ToCard()).ToList(), total, page, CatalogListPaging.PageSize),
            now);
    }
}
