using System.Globalization;
using System.Text.RegularExpressions;

namespace TicketBlue.Web.Features.Admin.Venues;

/// <summary>A run of seat numbers, optionally limited to a run of rows (1-based row ordinals).</summary>
public sealed record SeatRange(int FromSeat, int ToSeat, int? FromRow = null, int? ToRow = null)
{
    public bool Contains(int row, int seat) =>
        seat >= FromSeat && seat <= ToSeat && (FromRow is null || (row >= FromRow && row <= ToRow));
}

/// <summary>
/// The small text formats of the layout editor, as box-office staff write them: numbers "3-5,7",
/// seats "5, 10:1-3" (seat 5 of every row, seats 1–3 of row 10) and row labels "A".."Z", "AA".
/// </summary>
public static partial class SeatListParser
{
    /// <summary>"3-5,7" → {3, 4, 5, 7}. Blank is an empty set; false when the text is not such a list.</summary>
    public static bool TryParseNumbers(string? text, out SortedSet<int> numbers)
    {
        numbers = [];
        if (string.IsNullOrWhiteSpace(text))
        {
            return true;
        }

        foreach (var item in Items(text))
        {
            if (!TryParseNumberRange(item, out var from, out var to))
            {
                numbers = [];
                return false;
            }

            for (var number = from; number <= to; number++)
            {
                numbers.Add(number);
            }
        }

        return true;
    }

    /// <summary>
    /// "5, 10:1-3, A-B:20" → seat 5 of every row, seats 1–3 of row 10, seat 20 of rows A to B. Rows are
    /// ordinals ("10" is the tenth row) or letter labels ("A" is the first row), whatever the label style.
    /// </summary>
    public static bool TryParseSeats(string? text, out IReadOnlyList<SeatRange> ranges)
    {
        var parsed = new List<SeatRange>();
        ranges = parsed;
        if (string.IsNullOrWhiteSpace(text))
        {
            return true;
        }

        foreach (var item in Items(text))
        {
            var colon = item.IndexOf(':', StringComparison.Ordinal);
            var seatPart = colon < 0 ? item : item[(colon + 1)..].Trim();
            if (!TryParseNumberRange(seatPart, out var fromSeat, out var toSeat))
            {
                ranges = [];
                return false;
            }

            if (colon < 0)
            {
                parsed.Add(new SeatRange(fromSeat, toSeat));
                continue;
            }

            if (!TryParseRowRange(item[..colon].Trim(), out var fromRow, out var toRow))
            {
                ranges = [];
                return false;
            }

            parsed.Add(new SeatRange(fromSeat, toSeat, fromRow, toRow));
        }

        return true;
    }

    /// <summary>{3, 4, 5, 7} → "3-5,7", the inverse of <see cref="TryParseNumbers"/>.</summary>
    public static string FormatNumbers(IEnumerable<int> numbers)
    {
        var runs = new List<(int From, int To)>();
        foreach (var number in numbers.Distinct().Order())
        {
            if (runs.Count > 0 && runs[^1].To == number - 1)
            {
                runs[^1] = (runs[^1].From, number);
            }
            else
            {
                runs.Add((number, number));
            }
        }

        return string.Join(',', runs.Select(run => run.From == run.To
            ? run.From.ToString(CultureInfo.InvariantCulture)
            : string.Create(CultureInfo.InvariantCulture, $"{run.From}-{run.To}")));
    }

    /// <summary>1 → "A", 26 → "Z", 27 → "AA": the letters Korean halls paint on row ends.</summary>
    public static string LetterLabel(int ordinal)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(ordinal, 1);
        var label = string.Empty;
        while (ordinal > 0)
        {
            ordinal--;
            label = (char)('A' + (ordinal % 26)) + label;
            ordinal /= 26;
        }

        return label;
    }

    /// <summary>"A" → 1, "AA" → 27; 0 when the text is not a letter label.</summary>
    public static int LetterOrdinal(string label)
    {
        var ordinal = 0;
        foreach (var letter in label.Trim().ToUpperInvariant())
        {
            if (letter is < 'A' or > 'Z' || ordinal > 100_000)
            {
                return 0;
            }

            ordinal = (ordinal * 26) + (letter - 'A' + 1);
        }

        return ordinal;
    }

    private static string[] Items(string text) =>
        text.Split([',', '，'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    private static bool TryParseNumberRange(string text, out int from, out int to)
    {
        from = to = 0;
        var match = NumberRange().Match(text);
        if (!match.Success
            || !int.TryParse(match.Groups[1].Value, NumberStyles.None, CultureInfo.InvariantCulture, out from)
            || from < 1)
        {
            return false;
        }

        to = from;
        if (match.Groups[2].Success && !int.TryParse(match.Groups[2].Value, NumberStyles.None, CultureInfo.InvariantCulture, out to))
        {
            return false;
        }

        return to >= from;
    }

    private static bool TryParseRowRange(string text, out int from, out int to)
    {
        if (TryParseNumberRange(text, out from, out to))
        {
            return true;
        }

        var match = LetterRange().Match(text);
        if (!match.Success)
        {
            return false;
        }

        from = LetterOrdinal(match.Groups[1].Value);
        to = match.Groups[2].Success ? LetterOrdinal(match.Groups[2].Value) : from;
        return from >= 1 && to >= from;
    }

    [GeneratedRegex(@"^(\d{1,4})(?:\s*[-~]\s*(\d{1,4}))?$", RegexOptions.CultureInvariant)]
    private static partial Regex NumberRange();

    [GeneratedRegex(@"^([A-Za-z]{1,3})(?:\s*[-~]\s*([A-Za-z]{1,3}))?$", RegexOptions.CultureInvariant)]
    private static partial Regex LetterRange();
}
