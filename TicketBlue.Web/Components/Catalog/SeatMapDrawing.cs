using System.Globalization;
using System.Net;
using System.Text;
using TicketBlue.Web.Features.Catalog.Venues;


namespace TicketBlue.Web.Components.Catalog;

/// <summary>The words a seat map drawing needs, already translated.</summary>
public sealed record SeatMapText(string Summary, string Stage, Func<string, string> SectionName);

/// <summary>One line of a seat map's legend: a grade, its colour and how many seats it has.</summary>
public sealed record SeatMapGrade(string Grade, string Colour, int Seats);

/// <summary>
/// A drawn seat map: the SVG markup and its legend. This, not the seat coordinates, is what the venue
/// page hands from prerendering to the interactive page, because it is several times smaller.
/// </summary>
public sealed record SeatMapPicture(string Svg, IReadOnlyList<SeatMapGrade> Grades, int AccessibleSeats);

/// <summary>
/// Draws a <see cref="SeatMap"/> as one inline SVG string. A big hall has thousands of seats, so each
/// grade is a single <c>&lt;path&gt;</c> in which every seat is a zero-length line with a round cap —
/// a dot — written as a relative move ("m24 0h0", about 7 bytes), rather than an element, let alone a
/// component, per seat. A 3,744-seat hall is about 20 elements and 30 KB, built in a millisecond and
/// diffed by Blazor as one markup frame.
/// </summary>
public static class SeatMapDrawing
{
    private const string StageColour = "#2b3245";


    public static SeatMapPicture Draw(SeatMap map, SeatMapText text)
    {
        var grades = Grades(map);
        var accessible = map.Seats.Where(seat => seat.IsAccessible).ToList();
        var size = SeatSize(map);
        var svg = new StringBuilder(2048 + (map.Seats.Count * 8));
        svg.Append("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"seat-map-svg\" role=\"img\" data-testid=\"seat-map\" viewBox=\"0 0 ")
            .Append(Number(map.Width)).Append(' ').Append(Number(map.Height))
            .Append("\" preserveAspectRatio=\"xMidYMid meet\" aria-label=\"").Append(Encode(text.Summary)).Append("\">");

        DrawStage(svg, map, text.Stage);
        svg.Append("<g fill=\"none\" stroke-linecap=\"round\" stroke-width=\"").Append(Number(size)).Append("\">");
        foreach (var grade in grades)
        {
            svg.Append("<path data-grade=\"").Append(Encode(grade.Grade)).Append("\" data-seats=\"").Append(Number(grade.Seats))
                .Append("\" stroke=\"").Append(grade.Colour).Append("\" d=\"");
            AppendDots(svg, map.Seats.Where(seat => string.Equals(seat.Grade, grade.Grade, StringComparison.Ordinal)));
            svg.Append("\"/>");
        }

        if (accessible.Count > 0)
        {
            // A white centre turns a wheelchair space's dot into a ring: it differs in shape, not only in colour.
            svg.Append("<path data-accessible-seats=\"").Append(Number(accessible.Count)).Append("\" stroke=\"#fff\" stroke-width=\"")
                .Append(Number(size * 0.45)).Append("\" d=\"");
            AppendDots(svg, accessible);
            svg.Append("\"/>");
        }

        svg.Append("</g>");
        DrawSectionLabels(svg, map, size, text.SectionName);
        svg.Append("</svg>");
        return new SeatMapPicture(svg.ToString(), grades, accessible.Count);
    }

    /// <summary>The legend: each grade in the layout, best first, with its colour and seat count.</summary>
    public static IReadOnlyList<SeatMapGrade> Grades(SeatMap map)
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var seat in map.Seats)
        {
            counts[seat.Grade] = counts.GetValueOrDefault(seat.Grade) + 1;
        }

        return GradePalette.For(counts.Keys)
            .Select(pair => new SeatMapGrade(pair.Grade, pair.Colour, counts[pair.Grade]))
            .ToList();
    }

    /// <summary>
    /// A seat's drawn diameter in layout units: 70% of the tightest spacing between neighbours in a
    /// row, so seats never touch whatever units the layout was drawn in.
    /// </summary>
    public static double SeatSize(SeatMap map)
    {
        var pitch = map.Seats
            .GroupBy(seat => (seat.SectionId, seat.Y))
            .SelectMany(row =>
            {
                var xs = row.Select(seat => seat.X).Order().ToArray();
                return xs.Zip(xs.Skip(1), (left, right) => right - left).Where(gap => gap > 0);
            })
            .DefaultIfEmpty(Math.Max(4, Math.Min(map.Width, map.Height) / 40))
            .Min();
        return Math.Clamp(pitch * 0.7, 2, 60);
    }

    private static void DrawStage(StringBuilder svg, SeatMap map, string label)
    {
        var stage = map.Stage;
        if (stage.Width <= 0 || stage.Height <= 0)
        {
            return;
        }

        var fontSize = Math.Clamp(stage.Height * 0.5, 8, stage.Width / Math.Max(2.0, label.Length + 1));
        svg.Append("<rect data-testid=\"stage\" x=\"").Append(Number(stage.X)).Append("\" y=\"").Append(Number(stage.Y))
            .Append("\" width=\"").Append(Number(stage.Width)).Append("\" height=\"").Append(Number(stage.Height))
            .Append("\" rx=\"").Append(Number(Math.Min(stage.Height / 4.0, 12))).Append("\" fill=\"").Append(StageColour).Append("\"/>")
            .Append("<text x=\"").Append(Number(stage.CentreX)).Append("\" y=\"").Append(Number(stage.CentreY))
            .Append("\" fill=\"#fff\" font-size=\"").Append(Number(fontSize))
            .Append("\" font-weight=\"700\" text-anchor=\"middle\" dominant-baseline=\"central\">").Append(Encode(label)).Append("</text>");
    }

    /// <summary>"m x y h0" per seat, each move relative to the previous seat, row by row.</summary>
    private static void AppendDots(StringBuilder svg, IEnumerable<SeatMapSeat> seats)
    {
        int previousX = 0, previousY = 0;
        foreach (var seat in seats.OrderBy(seat => seat.Y).ThenBy(seat => seat.X))
        {
            svg.Append('m').Append(seat.X - previousX).Append(' ').Append(seat.Y - previousY).Append("h0");
            (previousX, previousY) = (seat.X, seat.Y);
        }
    }

    private static void DrawSectionLabels(StringBuilder svg, SeatMap map, double size, Func<string, string> sectionName)
    {
        var fontSize = Math.Max(size * 1.1, map.Width / 90.0);
        var bounds = map.Seats
            .GroupBy(seat => seat.SectionId)
            .ToDictionary(group => group.Key, group => (Left: group.Min(seat => seat.X), Right: group.Max(seat => seat.X), Top: group.Min(seat => seat.Y)));
        svg.Append("<g fill=\"#5b6272\" font-weight=\"600\" text-anchor=\"middle\" font-size=\"").Append(Number(fontSize)).Append("\">");
        foreach (var section in map.Sections)
        {
            if (bounds.TryGetValue(section.Id, out var box))
            {
                svg.Append("<text x=\"").Append(Number((box.Left + box.Right) / 2.0)).Append("\" y=\"").Append(Number(box.Top - size - (fontSize * 0.4)))
                    .Append("\">").Append(Encode(sectionName(section.Name))).Append("</text>");
            }
        }

        svg.Append("</g>");
    }

    private static string Number(double value) => Math.Round(value, 1).ToString("0.#", CultureInfo.InvariantCulture);

    private static string Encode(string value) => WebUtility.HtmlEncode(value);
}
