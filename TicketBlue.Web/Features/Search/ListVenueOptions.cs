using Microsoft.EntityFrameworkCore;
using TicketBlue.Infrastructure.Persistence;
using TicketBlue.Web.Features.Catalog.Categories;

namespace TicketBlue.Web.Features.Search;

public interface IListVenueOptionsHandler
{
    /// <summary>The venues customers can pick in the results page's venue filter, by name.</summary>
    Task<IReadOnlyList<VenueOption>> HandleAsync(CancellationToken cancellationToken);
}

/// <summary>Venues not archived, id and name only: one small query.</summary>
public sealed class ListVenueOptionsHandler(IDbContextFactory<TicketBlueDbContext> contextFactory) : IListVenueOptionsHandler
{
    public async Task<IReadOnlyList<VenueOption>> HandleAsync(CancellationToken cancellationToken)
    {
        await using var context = await contextFactory.CreateDbContextAsync(cancellationToken);
        return await context.Venues
            .AsNoTracking()
            .Where(venue => !venue.IsArchived)
            .OrderBy(venue => venue.Name)
            .Select(venue => new VenueOption(venue.Id, venue.Name))
            .ToListAsync(cancellationToken);
    }
}
