using Microsoft.Extensions.Localization;
using TicketBlue.Web.Features.Catalog.Venues;
using TicketBlue.Web.Localization;

namespace TicketBlue.Web.Components.Catalog;

/// <summary>Draws a seat map with its words in the visitor's language.</summary>
public static class SeatMapPictures
{
    public static SeatMapPicture Draw(SeatMap map, IStringLocalizer<CatalogResource> localizer)
    {
        var floors = map.Sections.Select(section => section.Floor).Distinct().Count();
        var summary = localizer["SeatMap.Summary", floors, map.Sections.Count, DisplayFormat.Number(map.Seats.Count)];

        // Short section codes ("A", "B2") read as "A구역"; descriptive names ("1층 A구역", "2층") stand as they are.
        string SectionName(string name) => name.All(char.IsAsciiLetterOrDigit) ? localizer["SeatMap.SectionCode", name] : name;

        return SeatMapDrawing.Draw(map, new SeatMapText(summary, localizer["SeatMap.Stage"], SectionName));
    }
}
