namespace TicketBlue.Domain.Venues;

/// <summary>
/// The order seat grades are listed in wherever no price decides it (seat-map legends, layout
/// editors, grade counts): the grades Korean box offices use, best first — VIP, R, S, A, B, C, D —
/// then house codes (TABLE, BOX, …) in code order. Lists of a show's prices go by price instead.
/// </summary>
public static class GradeOrder
{
    private static readonly string[] Usual = ["VIP", "R", "S", "A", "B", "C", "D"];

    /// <summary>How many grades have a fixed place before the house codes.</summary>
    public static int UsualCount => Usual.Length;

    /// <summary>0 for VIP up to 6 for D; every house code shares the place after them.</summary>
    public static int Rank(string code)
    {
        var index = Array.IndexOf(Usual, code);
        return index < 0 ? Usual.Length : index;
    }

    public static IEnumerable<string> Sort(IEnumerable<string> codes) =>
        codes.OrderBy(Rank).ThenBy(code => code, StringComparer.Ordinal);

    public static IOrderedEnumerable<T> OrderByGrade<T>(this IEnumerable<T> items, Func<T, string> grade) =>
        items.OrderBy(item => Rank(grade(item))).ThenBy(grade, StringComparer.Ordinal);
}
