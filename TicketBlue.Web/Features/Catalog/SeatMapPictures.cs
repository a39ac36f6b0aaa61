using System.Net;
using Microsoft.Extensions.Localization;
using TicketBlue.Web.Features.Catalog.Venues;
using TicketBlue.Web.Localization;

namespace TicketBlue.Web.Features.Catalog;

/// <summary>
/// A drawn seat map: the SVG markup and its legend. This, not the seat coordinates, is what the venue
/// page hands from prerendering to the interactive page, because it is several times smaller.
/// </summary>
public sealed record SeatMapPicture(string Svg, IReadOnlyList<HallGrade> Grades, int AccessibleSeats);

/// <summary>
/// Draws a venue's seat map as a read-only picture with its words in the visitor's language: the hall
/// as every seat map draws it (<see cref="HallDrawing"/>), its seats as dots, so a 3,744-seat hall is
/// about 20 elements and 30 KB, built in a millisecond and diffed by Blazor as one markup frame.
/// </summary>
public static class SeatMapPictures
{
    public static SeatMapPicture Draw(SeatMap map, IStringLocalizer<CatalogResource> localizer)
    {
        ArgumentNullException.ThrowIfNull(map);
        var floors = map.Sections.Select(section => section.Floor).Distinct().Count();
        var summary = localizer["SeatMap.Summary", floors, map.Sections.Count, DisplayFormat.Number(map.Seats.Count)];

        // Short section codes ("A", "B2") read as "A구역"; descriptive names ("1층 A구역", "2층") stand as they are.
        string SectionName(string name) => name.All(char.IsAsciiLetterOrDigit) ? localizer["SeatMap.SectionCode", name] : name;

        var drawing = HallDrawing.Of(
            map.Width,
            map.Height,
            map.Stage,
            map.Sections.Select(section => new HallSection(section.Id, SectionName(section.Name))).ToList(),
            map.Seats.Select(seat => new HallSeat(0, seat.SectionId, seat.X, seat.Y, seat.Grade, seat.IsAccessible)).ToList());
        var svg = string.Concat(
            "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"seat-map-svg\" role=\"img\" data-testid=\"seat-map\" viewBox=\"0 0 ",
            map.Width.ToString(System.Globalization.CultureInfo.InvariantCulture),
            " ",
            map.Height.ToString(System.Globalization.CultureInfo.InvariantCulture),
            "\" preserveAspectRatio=\"xMidYMid meet\" aria-label=\"",
            WebUtility.HtmlEncode(summary),
            "\">",
            drawing.Markup(localizer["SeatMap.Stage"], SeatMarks.Dots),
            "</svg>");
        return new SeatMapPicture(svg, drawing.Grades, drawing.AccessibleSeats);
    }
}
