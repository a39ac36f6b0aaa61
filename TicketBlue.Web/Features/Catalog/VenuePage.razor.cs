using Microsoft.AspNetCore.Components;
using TicketBlue.Web.Features.Catalog;
using TicketBlue.Web.Features.Catalog.Venues;

namespace TicketBlue.Web.Features.Catalog;

/// <summary>
/// What the venue page shows: the venue (without its raw seat list) and its seat map already drawn.
/// This is also what travels from prerendering to the interactive page: the drawing of a 3,744-seat
/// hall is about 30 KB, its seats as JSON several times that.
/// </summary>
public sealed record VenueView(VenueDetail Venue, SeatMapPicture? SeatMap);

/// <summary><c>/venues/{id}</c>: a venue, a preview of its current seat map and its shows to come. Archived venues are a 404.</summary>
public sealed partial class VenuePage
{
    [Inject]
    private IGetVenueDetailHandler GetVenue { get; set; } = default!;

    protected override async Task<VenueView?> LoadAsync(long id, CancellationToken cancellationToken)
    {
        var venue = await GetVenue.HandleAsync(id, cancellationToken);
        return venue is null
            ? null
            : new VenueView(venue with { SeatMap = null }, venue.SeatMap is { } map ? SeatMapPictures.Draw(map, L) : null);
    }
}
