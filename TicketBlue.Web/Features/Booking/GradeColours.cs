using TicketBlue.Web.Features.Booking;

namespace TicketBlue.Web.Features.Booking;

/// <summary>Colours by grade of a round's layout (<see cref="Catalog.GradePalette"/>, as on every seat map).</summary>
public static class GradeColours
{
    public static IReadOnlyDictionary<string, string> For(RoundSeatLayout layout)
    {
        ArgumentNullException.ThrowIfNull(layout);
        return Catalog.GradePalette.ByGrade(layout.Grades.Select(grade => grade.Grade));
    }
}
