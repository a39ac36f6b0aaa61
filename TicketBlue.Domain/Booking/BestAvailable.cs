using TicketBlue.Domain.Common;
using TicketBlue.Domain.Venues;

namespace TicketBlue.Domain.Booking;

/// <summary>
/// One seat of a round as the best-available picker sees it: where it is drawn (layout units),
/// what it sells as, and whether it can be taken now. Unavailable seats and seats of other grades
/// are passed in too, because they decide where a row has gaps and which seats would be left alone.
/// </summary>
public readonly record struct SeatCandidate(
    long RoundSeatId,
    long SectionId,
    string Row,
    int Number,
    int X,
    int Y,
    string Grade,
    bool IsAccessible,
    bool IsAvailable);

/// <summary>
/// "Best available seats" (자동 좌석 배정): the customer names a grade and a number of seats and gets
/// the best block of seats sitting together, without having to pick them on the map.
/// </summary>
/// <remarks>
/// <para>
/// A block is <c>count</c> seats of the grade in one section and one row, consecutive in the row's
/// left-to-right (X) order, all available and with no physical gap between neighbours. Seat numbers
/// may run either way across a row, so the order is taken from X, never from the numbers. Two
/// neighbours sit together when their X distance is at most 1.5 times the row's smallest neighbour
/// spacing; anything wider is an aisle or a gap.
/// </para>
/// <para>
/// Wheelchair spaces (<see cref="SeatCandidate.IsAccessible"/>) are never handed to a customer who
/// did not ask for one, so they stay free for those who need them. A customer who asks gets a
/// block with at least one wheelchair space; the other seats of the block are for companions.
/// </para>
/// <para>
/// A block that would leave a single available seat stranded beside it — its other side taken,
/// an aisle, or the end of the row — is avoided, because a lone seat rarely sells and the hall ends
/// up with holes. This is a preference, not a prohibition: only when no block in the whole hall
/// can be taken without stranding a seat is the best stranding block offered, so that a customer
/// still gets seats as a round sells out rather than being told nothing is left.
/// </para>
/// <para>
/// The best block is the one whose centre (mean X, mean Y) is closest to the stage centre in
/// straight-line distance — Y may grow towards or away from the stage, so no direction is assumed.
/// Ties go to the block nearer the centre line (smaller |mean X − stage centre X|), then to the
/// block whose lowest round-seat id is smallest, so the same map always gives the same answer.
/// </para>
/// <para>
/// Rows are scanned once each with a run counter, so a 4,000-seat hall costs a sort per row and a
/// linear pass; there is no combinatorial search. Distances are compared in exact integer
/// arithmetic so that mirrored blocks tie exactly.
/// </para>
/// </remarks>
public static class BestAvailable
{
    public const int MinCount = 1;

    public const int MaxCount = 10;

    /// <summary>
    /// Finds the best block of <paramref name="count"/> seats of <paramref name="grade"/>.
    /// </summary>
    /// <param name="seats">Every seat of the round (any grade, any state).</param>
    /// <param name="stage">The stage of the round's layout.</param>
    /// <param name="grade">The grade code asked for; compared without regard to case.</param>
    /// <param name="count">How many seats, 1 to 10.</param>
    /// <param name="wheelchair">Whether the customer needs a wheelchair space.</param>
    /// <returns>The chosen round-seat ids, ordered by seat number, or an empty list when no block fits.</returns>
    public static IReadOnlyList<long> Find(IReadOnlyCollection<SeatCandidate> seats, StageArea stage, string grade, int count, bool wheelchair)
    {
        ArgumentNullException.ThrowIfNull(seats);
        ArgumentNullException.ThrowIfNull(stage);
        ArgumentNullException.ThrowIfNull(grade);
        if (count is < MinCount or > MaxCount)
        {
            throw new DomainException("best.count", $"자동 배정은 한 번에 {MinCount}석부터 {MaxCount}석까지 요청할 수 있습니다.", MinCount, MaxCount);
        }

        var request = new Request(stage, grade.Trim(), count, wheelchair);
        Block? clean = null;
        Block? stranding = null;
        foreach (var row in Rows(seats))
        {
            ScanRow(row, request, ref clean, ref stranding);
        }

        return (clean ?? stranding)?.SeatIdsByNumber() ?? [];
    }

    /// <summary>Seats grouped by (section, row), each row sorted left to right.</summary>
    private static IEnumerable<SeatCandidate[]> Rows(IReadOnlyCollection<SeatCandidate> seats)
    {
        var rows = new Dictionary<(long SectionId, string Row), List<SeatCandidate>>();
        foreach (var seat in seats)
        {
            var key = (seat.SectionId, seat.Row);
            if (!rows.TryGetValue(key, out var row))
            {
                row = [];
                rows.Add(key, row);
            }

            row.Add(seat);
        }

        foreach (var row in rows.Values)
        {
            var sorted = row.ToArray();
            Array.Sort(sorted, static (a, b) => a.X != b.X ? a.X.CompareTo(b.X) : a.RoundSeatId.CompareTo(b.RoundSeatId));
            yield return sorted;
        }
    }

    private static void ScanRow(SeatCandidate[] row, Request request, ref Block? clean, ref Block? stranding)
    {
        if (row.Length < request.Count)
        {
            return;
        }

        var together = Adjacency(row);
        var run = 0;
        for (var end = 0; end < row.Length; end++)
        {
            if (!request.Accepts(row[end]))
            {
                run = 0;
                continue;
            }

            run = end > 0 && together[end - 1] ? run + 1 : 1;
            if (run < request.Count)
            {
                continue;
            }

            var start = end - request.Count + 1;
            var block = Block.Measure(row, start, request);
            if (request.Wheelchair && block.AccessibleSeats == 0)
            {
                continue;
            }

            if (LeavesLoneSeat(row, together, start, end))
            {
                stranding = block.IsBetterThan(stranding) ? block : stranding;
            }
            else
            {
                clean = block.IsBetterThan(clean) ? block : clean;
            }
        }
    }

    /// <summary>
    /// <c>together[i]</c> says whether seats i and i+1 of the sorted row sit side by side: their
    /// X distance is at most 1.5 × the row's smallest positive neighbour spacing.
    /// </summary>
    private static bool[] Adjacency(SeatCandidate[] row)
    {
        var together = new bool[Math.Max(row.Length - 1, 0)];
        var smallest = long.MaxValue;
        for (var i = 0; i < together.Length; i++)
        {
            var gap = (long)row[i + 1].X - row[i].X;
            if (gap > 0 && gap < smallest)
            {
                smallest = gap;
            }
        }

        for (var i = 0; i < together.Length; i++)
        {
            var gap = (long)row[i + 1].X - row[i].X;
            together[i] = gap == 0 || (smallest != long.MaxValue && 2 * gap <= 3 * smallest);
        }

        return together;
    }

    /// <summary>Whether taking seats start..end strands an available seat on either side.</summary>
    private static bool LeavesLoneSeat(SeatCandidate[] row, bool[] together, int start, int end)
    {
        var left = start - 1;
        var leftAlone = left >= 0 && together[left] && row[left].IsAvailable
            && !(left - 1 >= 0 && together[left - 1] && row[left - 1].IsAvailable);

        var right = end + 1;
        var rightAlone = right < row.Length && together[end] && row[right].IsAvailable
            && !(right + 1 < row.Length && together[right] && row[right + 1].IsAvailable);

        return leftAlone || rightAlone;
    }

    private sealed record Request(StageArea Stage, string Grade, int Count, bool Wheelchair)
    {
        /// <summary>Twice the stage centre, so that centre comparisons stay in integers.</summary>
        public long DoubleCentreX { get; } = (2L * Stage.X) + Stage.Width;

        public long DoubleCentreY { get; } = (2L * Stage.Y) + Stage.Height;

        public bool Accepts(SeatCandidate seat) =>
            seat.IsAvailable
            && (Wheelchair || !seat.IsAccessible)
            && string.Equals(seat.Grade, Grade, StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>
    /// A candidate block and its score. Offsets are the block centre's offset from the stage centre
    /// scaled by 2 × count (the same factor for every block of a request), so they are exact integers.
    /// </summary>
    private readonly record struct Block(SeatCandidate[] Row, int Start, int Count, Int128 DistanceSquared, long OffsetX, long LowestId, int AccessibleSeats)
    {
        public static Block Measure(SeatCandidate[] row, int start, Request request)
        {
            long sumX = 0;
            long sumY = 0;
            var lowestId = long.MaxValue;
            var accessible = 0;
            for (var i = start; i < start + request.Count; i++)
            {
                sumX += row[i].X;
                sumY += row[i].Y;
                lowestId = Math.Min(lowestId, row[i].RoundSeatId);
                accessible += row[i].IsAccessible ? 1 : 0;
            }

            var offsetX = (2 * sumX) - (request.Count * request.DoubleCentreX);
            var offsetY = (2 * sumY) - (request.Count * request.DoubleCentreY);
            var distanceSquared = ((Int128)offsetX * offsetX) + ((Int128)offsetY * offsetY);
            return new Block(row, start, request.Count, distanceSquared, Math.Abs(offsetX), lowestId, accessible);
        }

        public bool IsBetterThan(Block? other)
        {
            if (other is not { } rival)
            {
                return true;
            }

            if (DistanceSquared != rival.DistanceSquared)
            {
                return DistanceSquared < rival.DistanceSquared;
            }

            return OffsetX != rival.OffsetX ? OffsetX < rival.OffsetX : LowestId < rival.LowestId;
        }

        public long[] SeatIdsByNumber() =>
            Row.AsSpan(Start, Count).ToArray()
                .OrderBy(seat => seat.Number)
                .ThenBy(seat => seat.RoundSeatId)
                .Select(seat => seat.RoundSeatId)
                .ToArray();
    }
}
