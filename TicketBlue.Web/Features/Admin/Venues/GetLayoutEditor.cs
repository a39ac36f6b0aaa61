using Microsoft.EntityFrameworkCore;
using TicketBlue.Domain.Venues;
using TicketBlue.Infrastructure.Persistence;

namespace TicketBlue.Web.Features.Admin.Venues;

public sealed record EditorSeat(long Id, string Row, int Number, int X, int Y, SeatGrade Grade, bool IsAccessible, bool IsBlocked);

/// <summary>A saved section; its seats are ordered front to back, then left to right.</summary>
public sealed record EditorSection(long Id, string Name, int Floor, IReadOnlyList<EditorSeat> Seats)
{
    public string Label => SectionLabel.Format(Floor, Name);

    /// <summary>The row labels in drawing order (front row first), as the blocking selector lists them.</summary>
    public IReadOnlyList<string> Rows() => Seats.Select(seat => seat.Row).Distinct(StringComparer.Ordinal).ToList();

    public SectionBlock ToBlock() =>
        LayoutComposer.ToBlock(Name, Floor, Seats.Select(seat => new BlockSeat(seat.Row, seat.Number, seat.X, seat.Y, seat.Grade, seat.IsAccessible, seat.IsBlocked)).ToList());
}

/// <summary>How tickets name a section ("1층 A구역", "2층 발코니"): the domain's seat label without row and number.</summary>
public static class SectionLabel
{
    public static string Format(int floor, string name)
    {
        var seat = SeatLabel.Format(floor, name, "0", 1);
        return seat[..seat.LastIndexOf(" 0열", StringComparison.Ordinal)];
    }
}

/// <summary>
/// What the layout editor shows: the venue, the layout's header and every seat, or — for a layout not
/// saved yet (<see cref="LayoutId"/> null) — an empty draft with the version it will get.
/// </summary>
public sealed record LayoutEditorView(
    long VenueId,
    string VenueName,
    bool VenueArchived,
    long? LayoutId,
    string Name,
    int Version,
    SeatLayoutStatus Status,
    int CanvasWidth,
    int CanvasHeight,
    StageArea Stage,
    IReadOnlyList<EditorSection> Sections)
{
    public const string DefaultName = "기본 배치";

    public int SeatCount => Sections.Sum(section => section.Seats.Count);
}

public interface IGetLayoutEditorHandler
{
    /// <summary>Null when the venue, or the layout within that venue, does not exist.</summary>
    Task<LayoutEditorView?> HandleAsync(long venueId, long? layoutId, CancellationToken cancellationToken);
}

/// <summary>
/// Loads a layout for the editor in three queries (header, sections, seats) projected straight to the
/// view, whatever the size of the hall: no N+1, no tracked entities.
/// </summary>
public sealed class GetLayoutEditorHandler(IDbContextFactory<TicketBlueDbContext> contextFactory) : IGetLayoutEditorHandler
{
    public async Task<LayoutEditorView?> HandleAsync(long venueId, long? layoutId, CancellationToken cancellationToken)
    {
        await using var context = await contextFactory.CreateDbContextAsync(cancellationToken);
        var venue = await context.Venues.AsNoTracking().Where(candidate => candidate.Id == venueId)
            .Select(candidate => new { candidate.Name, candidate.IsArchived })
            .SingleOrDefaultAsync(cancellationToken);
        if (venue is null)
        {
            return null;
        }

        if (layoutId is not { } id)
        {
            var version = await LayoutPersistence.NextVersionAsync(context, venueId, cancellationToken);
            return new LayoutEditorView(venueId, venue.Name, venue.IsArchived, null, LayoutEditorView.DefaultName, version, SeatLayoutStatus.Draft, 0, 0, new StageArea(0, 0, 0, 0), []);
        }

        var layout = await context.SeatLayouts.AsNoTracking().Where(candidate => candidate.Id == id && candidate.VenueId == venueId)
            .Select(candidate => new { candidate.Name, candidate.Version, candidate.Status, candidate.CanvasWidth, candidate.CanvasHeight, candidate.Stage })
            .SingleOrDefaultAsync(cancellationToken);
        if (layout is null)
        {
            return null;
        }

        var sections = await context.Set<SeatSection>().AsNoTracking().Where(section => section.SeatLayoutId == id)
            .OrderBy(section => section.SortOrder)
            .Select(section => new { section.Id, section.Name, section.Floor })
            .ToListAsync(cancellationToken);
        var seats = await context.Seats.AsNoTracking()
            .Where(seat => context.Set<SeatSection>().Any(section => section.Id == seat.SeatSectionId && section.SeatLayoutId == id))
            .OrderBy(seat => seat.SeatSectionId).ThenBy(seat => seat.Y).ThenBy(seat => seat.X)
            .Select(seat => new { seat.SeatSectionId, Seat = new EditorSeat(seat.Id, seat.Row, seat.Number, seat.X, seat.Y, seat.Grade, seat.IsAccessible, seat.IsBlocked) })
            .ToListAsync(cancellationToken);
        var seatsBySection = seats.ToLookup(seat => seat.SeatSectionId, seat => seat.Seat);

        return new LayoutEditorView(
            venueId,
            venue.Name,
            venue.IsArchived,
            id,
            layout.Name,
            layout.Version,
            layout.Status,
            layout.CanvasWidth,
            layout.CanvasHeight,
            layout.Stage,
            sections.Select(section => new EditorSection(section.Id, section.Name, section.Floor, seatsBySection[section.Id].ToList())).ToList());
    }
}
