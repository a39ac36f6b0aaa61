using Microsoft.EntityFrameworkCore;
using TicketBlue.Domain.Search;
using TicketBlue.Infrastructure.Persistence;
using TicketBlue.Infrastructure.Persistence.Replication;
using TicketBlue.Web.Features.Catalog.Categories;

namespace TicketBlue.Web.Features.Search;

public interface IFindVenueOptionsHandler
{
    /// <summary>Venues whose name matches what the visitor typed, best first, at most <paramref name="max"/>; none for blank text.</summary>
    Task<IReadOnlyList<VenueOption>> FindAsync(string? text, int max, CancellationToken cancellationToken);

    /// <summary>The venue a filter in the address names, or null when there is none customers may see.</summary>
    Task<VenueOption?> GetAsync(long venueId, CancellationToken cancellationToken);
}

/// <summary>
/// The venue filter's typeahead. Names come from the search index (Korean parts, spacing variants and
/// typos as in the search box), so a catalogue of thousands of venues never travels to the page as a
/// list; the current choice is one lookup by id.
/// </summary>
public sealed class FindVenueOptionsHandler(ICatalogSearch search, [FromKeyedServices(ReadDbContextFactory.Key)] IDbContextFactory<TicketBlueDbContext> contextFactory) : IFindVenueOptionsHandler
{
    public async Task<IReadOnlyList<VenueOption>> FindAsync(string? text, int max, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return [];
        }

        var results = await search.SearchAsync(new SearchQuery(text.Trim(), Kinds: [SearchKind.Venue], PerKind: max), cancellationToken);
        return results.Groups
            .Where(group => group.Kind == SearchKind.Venue)
            .SelectMany(group => group.Hits)
            .Select(hit => new VenueOption(hit.Id, string.Concat(hit.Title.Select(run => run.Text))))
            .Take(max)
            .ToList();
    }

    public async Task<VenueOption?> GetAsync(long venueId, CancellationToken cancellationToken)
    {
        await using var context = await contextFactory.CreateDbContextAsync(cancellationToken);
        return await context.Venues
            .AsNoTracking()
            .Where(venue => venue.Id == venueId && !venue.IsArchived)
            .Select(venue => new VenueOption(venue.Id, venue.Name))
            .FirstOrDefaultAsync(cancellationToken);
    }
}
