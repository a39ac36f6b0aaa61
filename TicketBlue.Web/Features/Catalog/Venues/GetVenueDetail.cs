using Microsoft.EntityFrameworkCore;
using TicketBlue.Domain.Venues;
using TicketBlue.Infrastructure.Persistence;
using TicketBlue.Infrastructure.Persistence.Replication;
using TicketBlue.Web.Features.Catalog.Home;

namespace TicketBlue.Web.Features.Catalog.Venues;

/// <summary>A venue's public page: details, a preview of its current seat map and its shows to come.</summary>
public sealed record VenueDetail(
    long Id,
    string Name,
    string? EnglishName,
    string Address,
    string Region,
    string Description,
    SeatMap? SeatMap,
    IReadOnlyList<PerformanceCard> Performances,
    DateTimeOffset AsOf);

/// <summary>
/// A layout reduced to what a drawing needs: canvas, stage, sections and seat positions in layout
/// units. Seats are value types so a 3,744-seat hall is one compact array, not 3,744 objects.
/// </summary>
public sealed record SeatMap(string Name, int Width, int Height, StageArea Stage, IReadOnlyList<SeatMapSection> Sections, IReadOnlyList<SeatMapSeat> Seats);

public sealed record SeatMapSection(long Id, string Name, int Floor);

public readonly record struct SeatMapSeat(long SectionId, int X, int Y, string Grade, bool IsAccessible);

public interface IGetVenueDetailHandler
{
    /// <summary>The venue, or null when it does not exist or is archived.</summary>
    Task<VenueDetail?> HandleAsync(long venueId, CancellationToken cancellationToken);
}

/// <summary>
/// Reads a venue, its newest active layout (sections, then seats as narrow projected rows — never the
/// tracked aggregate) and its published shows that still have a round to come.
/// </summary>
public sealed class GetVenueDetailHandler([FromKeyedServices(ReadDbContextFactory.Key)] IDbContextFactory<TicketBlueDbContext> contextFactory, TimeProvider clock) : IGetVenueDetailHandler
{
    /// <summary>More than a venue's season fits on a page only as noise; the soonest come first.</summary>
    public const int MaxPerformances = 48;

    public async Task<VenueDetail?> HandleAsync(long venueId, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        await using var context = await contextFactory.CreateDbContextAsync(cancellationToken);

        var venue = await context.Venues
            .AsNoTracking()
            .Where(candidate => candidate.Id == venueId && !candidate.IsArchived)
            .Select(candidate => new { candidate.Id, candidate.Name, candidate.EnglishName, candidate.Address, candidate.Region, candidate.Description })
            .SingleOrDefaultAsync(cancellationToken);
        if (venue is null)
        {
            return null;
        }

        var seatMap = await LoadSeatMapAsync(context, venueId, cancellationToken);
        var performances = await context.PublishedPerformances()
            .Where(performance => performance.VenueId == venueId)
            .WithRoundToCome(context, now)
            .ToCardRows(context, now)
            .OrderBy(row => row.NextRoundAt)
            .ThenBy(row => row.Id)
            .Take(MaxPerformances)
            .ToListAsync(cancellationToken);

        return new VenueDetail(
            venue.Id,
            venue.Name,
            venue.EnglishName,
            venue.Address,
            venue.Region,
            venue.Description,
            seatMap,
            performances.Select(row => row.ToCard()).ToList(),
            now);
    }

    private static async Task<SeatMap?> LoadSeatMapAsync(TicketBlueDbContext context, long venueId, CancellationToken cancellationToken)
    {
        // A hall can have several active versions (older ones still used by running shows); the
        // newest is what the hall looks like now.
        var layout = await context.SeatLayouts
            .AsNoTracking()
            .Where(candidate => candidate.VenueId == venueId && candidate.Status == SeatLayoutStatus.Active)
            .OrderByDescending(candidate => candidate.Version)
            .Select(candidate => new { candidate.Id, candidate.Name, candidate.CanvasWidth, candidate.CanvasHeight, candidate.Stage })
            .FirstOrDefaultAsync(cancellationToken);
        if (layout is null)
        {
            return null;
        }

        var sections = context.Set<SeatSection>().Where(section => section.SeatLayoutId == layout.Id);
        var sectionRows = await sections
            .AsNoTracking()
            .OrderBy(section => section.SortOrder)
            .Select(section => new SeatMapSection(section.Id, section.Name, section.Floor))
            .ToListAsync(cancellationToken);
        var seats = await context.Seats
            .AsNoTracking()
            .Where(seat => sections.Any(section => section.Id == seat.SeatSectionId))
            .Select(seat => new { seat.SeatSectionId, seat.X, seat.Y, seat.Grade, seat.IsAccessible })
            .ToListAsync(cancellationToken);

        return new SeatMap(
            layout.Name,
            layout.CanvasWidth,
            layout.CanvasHeight,
            layout.Stage,
            sectionRows,
            seats.Select(seat => new SeatMapSeat(seat.SeatSectionId, seat.X, seat.Y, seat.Grade.Code, seat.IsAccessible)).ToArray());
    }
}
