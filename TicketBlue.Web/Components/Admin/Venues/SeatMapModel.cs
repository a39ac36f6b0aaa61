using TicketBlue.Domain.Venues;
using TicketBlue.Web.Features.Admin.Venues;

namespace TicketBlue.Web.Components.Admin.Venues;

/// <summary>A seat to draw; <see cref="Id"/> is 0 for seats not saved yet (a preview), which cannot be picked.</summary>
public sealed record SeatMapSeat(long Id, int X, int Y, string Grade, bool IsAccessible, bool IsBlocked);

/// <summary>A section's outline and label; <see cref="IsPreview"/> marks the section the generator form is still shaping.</summary>
public sealed record SeatMapSection(string Label, int X, int Y, int Width, int Height, bool IsPreview = false);

/// <summary>Everything <see cref="SeatMap"/> draws, in layout units (the SVG's viewBox).</summary>
public sealed record SeatMapModel(int Width, int Height, StageArea Stage, IReadOnlyList<SeatMapSection> Sections, IReadOnlyList<SeatMapSeat> Seats)
{
    public static readonly SeatMapModel Empty = new(1, 1, new StageArea(0, 0, 0, 0), [], []);

    /// <summary>The editor's preview: what saving the draft would store. <paramref name="previewIndex"/> is the unsaved section, if any.</summary>
    public static SeatMapModel From(ComposedLayout layout, int? previewIndex = null)
    {
        ArgumentNullException.ThrowIfNull(layout);
        var sections = layout.Sections.Select((section, index) => new SeatMapSection(
            SectionLabel.Format(section.Floor, section.Name), section.X, section.Y, section.Width, section.Height, index == previewIndex)).ToList();
        var seats = layout.Sections.SelectMany(section => section.Seats)
            .Select(seat => new SeatMapSeat(0, seat.X, seat.Y, seat.Grade.Code, seat.IsAccessible, seat.IsBlocked))
            .ToList();
        return new SeatMapModel(layout.CanvasWidth, layout.CanvasHeight, layout.Stage, sections, seats);
    }

    /// <summary>A saved layout, drawn where its seats are stored; sections are outlined around their seats.</summary>
    public static SeatMapModel From(LayoutEditorView view)
    {
        ArgumentNullException.ThrowIfNull(view);
        var half = LayoutGeometry.SeatPitch / 2;
        var sections = view.Sections.Where(section => section.Seats.Count > 0)
            .Select(section =>
            {
                var left = section.Seats.Min(seat => seat.X) - half;
                var top = section.Seats.Min(seat => seat.Y) - half;
                return new SeatMapSection(section.Label, left, top, section.Seats.Max(seat => seat.X) + half - left, section.Seats.Max(seat => seat.Y) + half - top);
            })
            .ToList();
        var seats = view.Sections.SelectMany(section => section.Seats)
            .Select(seat => new SeatMapSeat(seat.Id, seat.X, seat.Y, seat.Grade.Code, seat.IsAccessible, seat.IsBlocked))
            .ToList();
        return new SeatMapModel(Math.Max(1, view.CanvasWidth), Math.Max(1, view.CanvasHeight), view.Stage, sections, seats);
    }
}

/// <summary>A grade's colour and seat count, for the legend.</summary>
public sealed record SeatMapGrade(string Code, string Colour, int Seats);

/// <summary>The legend's figures for a model.</summary>
public sealed record SeatMapLegend(IReadOnlyList<SeatMapGrade> Grades, int Total, int Blocked, int Wheelchair);
