using TicketBlue.Web.Features.Booking;

namespace TicketBlue.Web.Components.Booking;

/// <summary>Colours by grade, the same as the venue page's seat map preview.</summary>
public static class GradeColours
{
    public static IReadOnlyDictionary<string, string> For(RoundSeatLayout layout)
    {
        ArgumentNullException.ThrowIfNull(layout);
        return Catalog.SeatMapDrawing.Palette(layout.Grades.Select(grade => grade.Grade))
            .ToDictionary(pair => pair.Grade, pair => pair.Colour, StringComparer.Ordinal);
    }
}
