using TicketBlue.Domain.Venues;

namespace TicketBlue.Web.Features.Catalog;

/// <summary>
/// The one colour per seat grade on every seat map: the customer's venue preview and live seat map,
/// the selection panel, and the admin layout editor and venue page. The usual grades always look
/// alike; house codes take the second palette in <see cref="GradeOrder"/>. Every colour keeps at least
/// 3:1 contrast against the white page (WCAG 1.4.11, non-text contrast).
/// </summary>
public static class GradePalette
{
    /// <summary>The colour of a seat nobody may book (blocked in the layout).</summary>
    public const string BlockedColour = "#d4d7de";

    // VIP, R, S, A, B, C, D in GradeOrder's order.
    private static readonly string[] UsualColours = ["#7c3aed", "#dc2626", "#2563eb", "#059669", "#b45309", "#0e7490", "#475569"];
    private static readonly string[] OtherColours = ["#db2777", "#0f766e", "#4f46e5", "#4d7c0f", "#9d174d", "#c2410c"];

    /// <summary>Each grade present and its colour, in <see cref="GradeOrder"/>.</summary>
    public static IReadOnlyList<(string Grade, string Colour)> For(IEnumerable<string> grades)
    {
        var other = 0;
        return GradeOrder.Sort(grades.Distinct(StringComparer.Ordinal))
            .Select(grade =>
            {
                var rank = GradeOrder.Rank(grade);
                return (grade, rank < GradeOrder.UsualCount ? UsualColours[rank] : OtherColours[other++ % OtherColours.Length]);
            })
            .ToList();
    }

    /// <summary><see cref="For"/> as a lookup by grade.</summary>
    public static IReadOnlyDictionary<string, string> ByGrade(IEnumerable<string> grades) =>
        For(grades).ToDictionary(pair => pair.Grade, pair => pair.Colour, StringComparer.Ordinal);
}
