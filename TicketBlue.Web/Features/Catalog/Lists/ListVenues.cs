using Microsoft.EntityFrameworkCore;
using TicketBlue.Infrastructure.Persistence;
using TicketBlue.Infrastructure.Persistence.Replication;

namespace TicketBlue.Web.Features.Catalog.Lists;

/// <summary>A venue in "공연장": where it is, and how many published shows it has with a round to come.</summary>
public sealed record VenueListItem(long Id, string Name, string? EnglishName, string Region, string Address, int ShowsToCome);

public interface IListVenuesHandler
{
    Task<CatalogListPage<VenueListItem>> HandleAsync(CatalogListSort sort, int page, CancellationToken cancellationToken);
}

/// <summary>Venues not archived (those with a public page), sorted and paged in MariaDB: a count and one page.</summary>
public sealed class ListVenuesHandler([FromKeyedServices(ReadDbContextFactory.Key)] IDbContextFactory<TicketBlueDbContext> contextFactory, TimeProvider clock) : IListVenuesHandler
{
    public async Task<CatalogListPage<VenueListItem>> HandleAsync(CatalogListSort sort, int page, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        page = Math.Clamp(page, 1, 10_000);
        await using var context = await contextFactory.CreateDbContextAsync(cancellationToken);

        var venues = context.Venues.AsNoTracking().Where(venue => !venue.IsArchived);
        var total = await venues.CountAsync(cancellationToken);
        var sorted = sort == CatalogListSort.Newest
            ? venues.OrderByDescending(venue => venue.CreatedAt).ThenByDescending(venue => venue.Id)
            : venues.OrderBy(venue => venue.Name).ThenBy(venue => venue.Id);
        var toCome = context.PublishedPerformances().WithRoundToCome(context, now);
        var rows = await sorted
            .Skip(CatalogListPaging.Skip(page))
            .Take(CatalogListPaging.PageSize)
            .Select(venue => new VenueListItem(
                venue.Id,
                venue.Name,
                venue.EnglishName,
                venue.Region,
                venue.Address,
                toCome.Count(performance => performance.VenueId == venue.Id)))
            .ToListAsync(cancellationToken);

        return new CatalogListPage<VenueListItem>(rows, total, page, CatalogListPaging.PageSize);
    }
}
