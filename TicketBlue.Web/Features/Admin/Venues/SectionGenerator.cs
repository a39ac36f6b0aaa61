using System.Globalization;
using TicketBlue.Domain.Venues;
using static TicketBlue.Domain.Venues.LayoutGeometry;

namespace TicketBlue.Web.Features.Admin.Venues;

/// <summary>A seat of a <see cref="SectionBlock"/>, positioned relative to the block's top-left corner.</summary>
public sealed record BlockSeat(string Row, int Number, int X, int Y, SeatGrade Grade, bool IsAccessible, bool IsBlocked = false);

/// <summary>
/// One section ready to be placed on a layout: its seats relative to its own corner, and its size.
/// <see cref="Spec"/> is set when it was generated in the editor, null when it came from a saved layout.
/// </summary>
public sealed record SectionBlock(string Name, int Floor, int Width, int Height, IReadOnlyList<BlockSeat> Seats)
{
    public SectionSpec? Spec { get; init; }

    public IReadOnlyDictionary<string, int> GradeCounts() =>
        Seats.GroupBy(seat => seat.Grade.Code).ToDictionary(group => group.Key, group => group.Count(), StringComparer.Ordinal);
}

/// <summary>
/// Turns a <see cref="SectionSpec"/> into seats. Pure and deterministic: the editor's preview and the
/// save handler both call it, so what the admin sees is what is saved. The pitches are the demo
/// layouts' (<see cref="LayoutGeometry"/>), so generated and demo halls draw alike.
/// </summary>
public static class SectionGenerator
{
    /// <exception cref="ArgumentException">The spec is not one the validator accepts (bad list, out of range).</exception>
    /// <exception cref="TicketBlue.Domain.Common.DomainException">A grade code is not a valid <see cref="SeatGrade"/>.</exception>
    public static SectionBlock Generate(SectionSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var plan = Plan.From(spec);
        var grades = spec.GradeBlocks.Select(block => (block.FromRow, block.ToRow, Grade: SeatGrade.From(block.Grade))).ToList();
        var defaultGrade = SeatGrade.From(spec.DefaultGrade);
        var seats = new List<BlockSeat>(spec.Rows * spec.SeatsPerRow);
        for (var row = 1; row <= spec.Rows; row++)
        {
            var label = RowLabel(spec.RowLabels, row);
            // The first block naming the row wins; the validator refuses overlapping blocks anyway.
            var grade = grades.FirstOrDefault(block => row >= block.FromRow && row <= block.ToRow).Grade ?? defaultGrade;
            var numbers = plan.SeatNumbers(row);
            foreach (var number in numbers)
            {
                var isBackRowEnd = spec.WheelchairAtBackRowEnds && row == spec.Rows && (number == numbers[0] || number == numbers[^1]);
                seats.Add(new BlockSeat(
                    label,
                    number,
                    ((number - 1) * SeatPitch) + (SeatPitch / 2) + (plan.AislesBefore(number) * AisleWidth),
                    ((row - 1) * RowPitch) + (RowPitch / 2),
                    grade,
                    isBackRowEnd || plan.IsWheelchair(row, number)));
            }
        }

        var width = (spec.SeatsPerRow * SeatPitch) + (plan.Aisles.Count * AisleWidth);
        return new SectionBlock(spec.Name.Trim(), spec.Floor, width, spec.Rows * RowPitch, seats) { Spec = spec.Clone() };
    }

    /// <summary>How many seats the spec makes once gaps are left out; grades play no part.</summary>
    public static int SeatCount(SectionSpec spec)
    {
        var plan = Plan.From(spec);
        return Enumerable.Range(1, spec.Rows).Sum(row => plan.SeatNumbers(row).Count);
    }

    /// <summary>True when a listed wheelchair space is a position the gaps leave empty.</summary>
    public static bool WheelchairSpacesOnGaps(SectionSpec spec)
    {
        var plan = Plan.From(spec);
        for (var row = 1; row <= spec.Rows; row++)
        {
            for (var number = 1; number <= spec.SeatsPerRow; number++)
            {
                if (plan.IsGap(row, number) && plan.IsWheelchair(row, number))
                {
                    return true;
                }
            }
        }

        return false;
    }

    public static string RowLabel(RowLabelStyle style, int ordinal) =>
        style == RowLabelStyle.Letters ? SeatListParser.LetterLabel(ordinal) : ordinal.ToString(CultureInfo.InvariantCulture);

    /// <summary>The spec's shape (rows, seats, aisles, gaps, wheelchair spaces) with its lists parsed.</summary>
    private sealed record Plan(int SeatsPerRow, SortedSet<int> Aisles, IReadOnlyList<SeatRange> Gaps, IReadOnlyList<SeatRange> Wheelchairs)
    {
        public static Plan From(SectionSpec spec)
        {
            if (spec.Rows is < 1 or > SectionSpec.MaxRows || spec.SeatsPerRow is < 1 or > SectionSpec.MaxSeatsPerRow)
            {
                throw new ArgumentException($"Rows must be 1..{SectionSpec.MaxRows} and seats per row 1..{SectionSpec.MaxSeatsPerRow}.", nameof(spec));
            }

            if (!SeatListParser.TryParseNumbers(spec.Aisles, out var aisles) || aisles.Any(aisle => aisle >= spec.SeatsPerRow))
            {
                throw new ArgumentException($"Aisles '{spec.Aisles}' are not seat numbers below {spec.SeatsPerRow}.", nameof(spec));
            }

            if (!SeatListParser.TryParseSeats(spec.Gaps, out var gaps) || !SeatListParser.TryParseSeats(spec.WheelchairSeats, out var wheelchairs))
            {
                throw new ArgumentException("Gaps and wheelchair seats must be lists such as '5, 10:1-3'.", nameof(spec));
            }

            return new Plan(spec.SeatsPerRow, aisles, gaps, wheelchairs);
        }

        public List<int> SeatNumbers(int row) => Enumerable.Range(1, SeatsPerRow).Where(number => !IsGap(row, number)).ToList();

        public int AislesBefore(int number) => Aisles.Count(aisle => aisle < number);

        public bool IsGap(int row, int number) => Gaps.Any(range => range.Contains(row, number));

        public bool IsWheelchair(int row, int number) => Wheelchairs.Any(range => range.Contains(row, number));
    }
}
