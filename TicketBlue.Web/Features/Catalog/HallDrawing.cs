using System.Globalization;
using System.Net;
using System.Text;
using TicketBlue.Domain.Venues;

namespace TicketBlue.Web.Features.Catalog;

/// <summary>A seat as a seat map draws it; <see cref="Id"/> is what a click reports (0 when it cannot be picked).</summary>
public readonly record struct HallSeat(long Id, long SectionId, int X, int Y, string Grade, bool IsAccessible, bool IsBlocked = false);

/// <summary>A section's worded name, and the outline the layout editor draws around it (none elsewhere).</summary>
public sealed record HallSection(long Id, string Label, HallOutline? Outline = null);

/// <summary>A section's box in layout units; <see cref="IsPreview"/> marks the section the editor's form is still shaping.</summary>
public sealed record HallOutline(int X, int Y, int Width, int Height, bool IsPreview);

/// <summary>A grade on a seat map: its colour (<see cref="GradePalette"/>) and how many seats it has.</summary>
public sealed record HallGrade(string Grade, string Colour, int Seats);

/// <summary>Where a section's name is written: centred above its seats (or its outline).</summary>
public readonly record struct HallLabel(string Text, double X, double Y);

/// <summary>How the seats are marked in <see cref="HallDrawing.Markup"/>.</summary>
public enum SeatMarks
{
    /// <summary>One path per grade, each seat a dot a few bytes long: a big hall stays a few elements (read-only pictures).</summary>
    Dots,

    /// <summary>One element per seat carrying <c>data-seat-id</c>, so one listener on the map can tell which was clicked; blocked seats greyed.</summary>
    Pickable,
}

/// <summary>
/// The one drawing of a hall that every seat map shows — the customer's venue preview, the live seat
/// map and the admin layout editor: how big a seat is, where and how large the stage and the section
/// names are, a seat's shape (a dot; a rounded square for a wheelchair space, so it differs in shape,
/// not only colour) and its grade's colour. <see cref="Markup"/> writes it as SVG for the pictures
/// drawn on the server; the live seat map's browser script draws the same figures from the drawing
/// document (<c>SeatMapDrawingWriter</c>), because it paints each viewer's seat states itself (ADR-008).
/// </summary>
public sealed class HallDrawing
{
    public const string StageColour = "#2b3245";
    public const string LabelColour = "#5b6272";

    // Aligned with Sections: null for a section with neither seats nor an outline.
    private readonly HallLabel?[] _labels;

    private HallDrawing(int width, int height, StageArea stage, IReadOnlyList<HallSection> sections, IReadOnlyList<HallSeat> seats)
    {
        Width = width;
        Height = height;
        Stage = stage;
        Sections = sections;
        Seats = seats;
        SeatRadius = RadiusFor(width, height, seats);
        StageFont = Math.Round(Math.Clamp(stage.Height * 0.5, 10, Math.Max(18, width / 45.0)), 1);
        SectionFont = Math.Round(Math.Max(SeatRadius * 1.8, width / 70.0), 1);
        Grades = GradesOf(seats);
        _labels = LabelsOf(sections, seats, SeatRadius, SectionFont);
        Labels = _labels.OfType<HallLabel>().ToList();
    }

    public int Width { get; }

    public int Height { get; }

    public StageArea Stage { get; }

    public IReadOnlyList<HallSection> Sections { get; }

    public IReadOnlyList<HallSeat> Seats { get; }

    /// <summary>
    /// 40% of the tightest spacing between neighbours in a row, in layout units: seats read as separate
    /// dots but are as large as possible, for fingers as much as for eyes, whatever units the layout was drawn in.
    /// </summary>
    public double SeatRadius { get; }

    public double StageFont { get; }

    public double SectionFont { get; }

    /// <summary>Each grade in the hall, best first (<see cref="GradeOrder"/>), with its colour and seat count.</summary>
    public IReadOnlyList<HallGrade> Grades { get; }

    /// <summary>The section names, in the sections' order; sections with neither seats nor an outline have none.</summary>
    public IReadOnlyList<HallLabel> Labels { get; }

    public int AccessibleSeats => Seats.Count(seat => seat.IsAccessible);

    public int BlockedSeats => Seats.Count(seat => seat.IsBlocked);

    public static HallDrawing Of(int width, int height, StageArea stage, IReadOnlyList<HallSection> sections, IReadOnlyList<HallSeat> seats)
    {
        ArgumentNullException.ThrowIfNull(stage);
        ArgumentNullException.ThrowIfNull(sections);
        ArgumentNullException.ThrowIfNull(seats);
        return new HallDrawing(width, height, stage, sections, seats);
    }

    /// <summary>The inside of the map's &lt;svg&gt; (its viewBox is 0 0 <see cref="Width"/> <see cref="Height"/>): stage, sections, then the seats by grade.</summary>
    public string Markup(string stageLabel, SeatMarks marks)
    {
        var svg = new StringBuilder(1024 + (Seats.Count * (marks == SeatMarks.Dots ? 8 : 64)));
        AppendStage(svg, stageLabel);
        AppendSections(svg);
        if (marks == SeatMarks.Dots)
        {
            AppendDots(svg);
        }
        else
        {
            AppendPickable(svg);
        }

        return svg.ToString();
    }

    /// <summary>Rings around seats, e.g. the ones picked for blocking.</summary>
    public string Rings(IEnumerable<HallSeat> seats)
    {
        ArgumentNullException.ThrowIfNull(seats);
        var svg = new StringBuilder();
        foreach (var seat in seats)
        {
            svg.Append("<circle cx=\"").Append(seat.X).Append("\" cy=\"").Append(seat.Y).Append("\" r=\"").Append(Number(SeatRadius + 3)).Append("\"/>");
        }

        return svg.ToString();
    }

    private static double RadiusFor(int width, int height, IReadOnlyList<HallSeat> seats)
    {
        var pitch = seats
            .GroupBy(seat => (seat.SectionId, seat.Y))
            .SelectMany(row =>
            {
                var xs = row.Select(seat => seat.X).Order().ToArray();
                return xs.Zip(xs.Skip(1), (left, right) => right - left).Where(gap => gap > 0);
            })
            .DefaultIfEmpty(Math.Max(10, Math.Min(width, height) / 40))
            .Min();
        return Math.Round(Math.Clamp(pitch * 0.4, 2, 30), 1);
    }

    private static List<HallGrade> GradesOf(IReadOnlyList<HallSeat> seats)
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var seat in seats)
        {
            counts[seat.Grade] = counts.GetValueOrDefault(seat.Grade) + 1;
        }

        return GradePalette.For(counts.Keys).Select(pair => new HallGrade(pair.Grade, pair.Colour, counts[pair.Grade])).ToList();
    }

    private static HallLabel?[] LabelsOf(IReadOnlyList<HallSection> sections, IReadOnlyList<HallSeat> seats, double radius, double font)
    {
        var bounds = seats
            .GroupBy(seat => seat.SectionId)
            .ToDictionary(group => group.Key, group => (Left: group.Min(seat => seat.X), Right: group.Max(seat => seat.X), Top: group.Min(seat => seat.Y)));
        return sections.Select(section => section.Outline is { } box
                ? new HallLabel(section.Label, box.X + (box.Width / 2.0), Math.Round(box.Y - 6 - (font * 0.5), 1))
                : bounds.TryGetValue(section.Id, out var seatBox)
                    ? new HallLabel(section.Label, Math.Round((seatBox.Left + seatBox.Right) / 2.0, 1), Math.Round(seatBox.Top - radius - (font * 0.5), 1))
                    : (HallLabel?)null)
            .ToArray();
    }

    private void AppendStage(StringBuilder svg, string label)
    {
        if (Stage.Width <= 0 || Stage.Height <= 0)
        {
            return;
        }

        svg.Append("<rect class=\"tb-stage\" data-testid=\"stage\" x=\"").Append(Stage.X).Append("\" y=\"").Append(Stage.Y)
            .Append("\" width=\"").Append(Stage.Width).Append("\" height=\"").Append(Stage.Height)
            .Append("\" rx=\"8\" fill=\"").Append(StageColour).Append("\"/>")
            .Append("<text class=\"tb-stage-label\" x=\"").Append(Number(Stage.CentreX)).Append("\" y=\"").Append(Number(Stage.CentreY))
            .Append("\" fill=\"#fff\" font-size=\"").Append(Number(StageFont))
            .Append("\" font-weight=\"700\" text-anchor=\"middle\" dominant-baseline=\"central\">").Append(Encode(label)).Append("</text>");
    }

    /// <summary>Each section's outline (the editor's) and name; names are typed by admins, so they go in encoded.</summary>
    private void AppendSections(StringBuilder svg)
    {
        svg.Append("<g fill=\"").Append(LabelColour).Append("\" font-weight=\"600\" text-anchor=\"middle\" font-size=\"").Append(Number(SectionFont)).Append("\">");
        for (var index = 0; index < Sections.Count; index++)
        {
            var section = Sections[index];
            if (_labels[index] is not { } text)
            {
                continue;
            }

            if (section.Outline is { } box)
            {
                svg.Append("<g class=\"").Append(box.IsPreview ? "tb-section is-preview" : "tb-section").Append("\">")
                    .Append("<rect x=\"").Append(box.X - 6).Append("\" y=\"").Append(box.Y - 6).Append("\" width=\"").Append(box.Width + 12)
                    .Append("\" height=\"").Append(box.Height + 12).Append("\" rx=\"6\"/>");
            }

            svg.Append("<text x=\"").Append(Number(text.X)).Append("\" y=\"").Append(Number(text.Y)).Append("\">").Append(Encode(text.Text)).Append("</text>");
            if (section.Outline is not null)
            {
                svg.Append("</g>");
            }
        }

        svg.Append("</g>");
    }

    /// <summary>Per grade, the round seats as one path of dots ("m dx dy h0", relative, row by row), then the wheelchair spaces as square dots.</summary>
    private void AppendDots(StringBuilder svg)
    {
        svg.Append("<g fill=\"none\" stroke-linecap=\"round\" stroke-width=\"").Append(Number(SeatRadius * 2)).Append("\">");
        foreach (var grade in Grades)
        {
            var round = Seats.Where(seat => !seat.IsAccessible && string.Equals(seat.Grade, grade.Grade, StringComparison.Ordinal)).ToList();
            svg.Append("<path data-grade=\"").Append(Encode(grade.Grade)).Append("\" data-seats=\"").Append(grade.Seats)
                .Append("\" stroke=\"").Append(grade.Colour).Append("\" d=\"");
            AppendMoves(svg, round);
            svg.Append("\"/>");
        }

        var accessible = Seats.Where(seat => seat.IsAccessible).ToList();
        if (accessible.Count > 0)
        {
            svg.Append("<g class=\"tb-wheelchair\" stroke-linecap=\"square\" data-accessible-seats=\"").Append(accessible.Count).Append("\">");
            foreach (var grade in Grades)
            {
                var ofGrade = accessible.Where(seat => string.Equals(seat.Grade, grade.Grade, StringComparison.Ordinal)).ToList();
                if (ofGrade.Count > 0)
                {
                    svg.Append("<path stroke=\"").Append(grade.Colour).Append("\" d=\"");
                    AppendMoves(svg, ofGrade);
                    svg.Append("\"/>");
                }
            }

            svg.Append("</g>");
        }

        svg.Append("</g>");
    }

    private static void AppendMoves(StringBuilder svg, IEnumerable<HallSeat> seats)
    {
        int previousX = 0, previousY = 0;
        foreach (var seat in seats.OrderBy(seat => seat.Y).ThenBy(seat => seat.X))
        {
            svg.Append('m').Append(seat.X - previousX).Append(' ').Append(seat.Y - previousY).Append("h0");
            (previousX, previousY) = (seat.X, seat.Y);
        }
    }

    /// <summary>Per grade, an element per seat with its id; blocked seats last, grey inside their grade's outline.</summary>
    private void AppendPickable(StringBuilder svg)
    {
        var colours = Grades.ToDictionary(grade => grade.Grade, grade => grade.Colour, StringComparer.Ordinal);
        foreach (var grade in Grades)
        {
            svg.Append("<g class=\"tb-grade\" data-grade=\"").Append(Encode(grade.Grade)).Append("\" fill=\"").Append(grade.Colour).Append("\">");
            foreach (var seat in Seats.Where(seat => !seat.IsBlocked && string.Equals(seat.Grade, grade.Grade, StringComparison.Ordinal)))
            {
                AppendSeat(svg, seat, null);
            }

            svg.Append("</g>");
        }

        svg.Append("<g class=\"tb-blocked\" fill=\"").Append(GradePalette.BlockedColour).Append("\" stroke-width=\"2\">");
        foreach (var seat in Seats.Where(seat => seat.IsBlocked))
        {
            AppendSeat(svg, seat, colours[seat.Grade]);
        }

        svg.Append("</g>");
    }

    /// <summary>A circle for a seat, a rounded square for a wheelchair space.</summary>
    private void AppendSeat(StringBuilder svg, HallSeat seat, string? stroke)
    {
        var r = Number(SeatRadius);
        if (seat.IsAccessible)
        {
            svg.Append("<rect class=\"tb-wheelchair\" x=\"").Append(Number(seat.X - SeatRadius)).Append("\" y=\"").Append(Number(seat.Y - SeatRadius))
                .Append("\" width=\"").Append(Number(2 * SeatRadius)).Append("\" height=\"").Append(Number(2 * SeatRadius))
                .Append("\" rx=\"").Append(Number(Math.Round(SeatRadius * 3) / 10)).Append('"');
        }
        else
        {
            svg.Append("<circle cx=\"").Append(seat.X).Append("\" cy=\"").Append(seat.Y).Append("\" r=\"").Append(r).Append('"');
        }

        if (stroke is not null)
        {
            svg.Append(" stroke=\"").Append(stroke).Append('"');
        }

        if (seat.Id > 0)
        {
            svg.Append(" data-seat-id=\"").Append(seat.Id).Append('"');
        }

        svg.Append("/>");
    }

    private static string Number(double value) => Math.Round(value, 1).ToString("0.#", CultureInfo.InvariantCulture);

    private static string Encode(string value) => WebUtility.HtmlEncode(value);
}
