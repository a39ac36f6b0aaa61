using TicketBlue.Domain.Venues;
using TicketBlue.Web.Features.Catalog;
using TicketBlue.Web.Features.Admin.Venues;

namespace TicketBlue.Web.Features.Admin.Venues;

/// <summary>
/// Everything <see cref="LayoutMap"/> draws, in layout units (the SVG's viewBox): sections with their
/// outlines (<see cref="HallOutline.IsPreview"/> marks the section the generator form is still shaping)
/// and seats, whose <see cref="HallSeat.Id"/> is 0 for seats not saved yet (a preview), which cannot be picked.
/// </summary>
public sealed record LayoutMapModel(int Width, int Height, StageArea Stage, IReadOnlyList<HallSection> Sections, IReadOnlyList<HallSeat> Seats)
{
    public static readonly LayoutMapModel Empty = new(1, 1, new StageArea(0, 0, 0, 0), [], []);

    /// <summary>The editor's preview: what saving the draft would store. <paramref name="previewIndex"/> is the unsaved section, if any.</summary>
    public static LayoutMapModel From(ComposedLayout layout, int? previewIndex = null)
    {
        ArgumentNullException.ThrowIfNull(layout);
        var sections = layout.Sections.Select((section, index) => new HallSection(
            index + 1,
            SectionLabel.Format(section.Floor, section.Name),
            new HallOutline(section.X, section.Y, section.Width, section.Height, index == previewIndex))).ToList();
        var seats = layout.Sections.SelectMany((section, index) => section.Seats.Select(seat => new HallSeat(0, index + 1, seat.X, seat.Y, seat.Grade.Code, seat.IsAccessible, seat.IsBlocked)))
            .ToList();
        return new LayoutMapModel(layout.CanvasWidth, layout.CanvasHeight, layout.Stage, sections, seats);
    }

    /// <summary>A saved layout, drawn where its seats are stored; sections are outlined around their seats.</summary>
    public static LayoutMapModel From(LayoutEditorView view)
    {
        ArgumentNullException.ThrowIfNull(view);
        var half = LayoutGeometry.SeatPitch / 2;
        var sections = view.Sections.Where(section => section.Seats.Count > 0)
            .Select(section =>
            {
                var left = section.Seats.Min(seat => seat.X) - half;
                var top = section.Seats.Min(seat => seat.Y) - half;
                return new HallSection(section.Id, section.Label, new HallOutline(left, top, section.Seats.Max(seat => seat.X) + half - left, section.Seats.Max(seat => seat.Y) + half - top, false));
            })
            .ToList();
        var seats = view.Sections.SelectMany(section => section.Seats.Select(seat => new HallSeat(seat.Id, section.Id, seat.X, seat.Y, seat.Grade.Code, seat.IsAccessible, seat.IsBlocked)))
            .ToList();
        return new LayoutMapModel(Math.Max(1, view.CanvasWidth), Math.Max(1, view.CanvasHeight), view.Stage, sections, seats);
    }

    /// <summary>The hall as every seat map draws it.</summary>
    public HallDrawing Draw() => HallDrawing.Of(Width, Height, Stage, Sections, Seats);
}
