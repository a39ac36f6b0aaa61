namespace TicketBlue.Infrastructure.Booking;

/// <summary>
/// What is free in a round from <see cref="ComputedAt"/> until <see cref="ValidUntil"/> (the first
/// live hold running out), as <see cref="RoundSeatBoard.AvailabilityAt"/> worked it out once.
/// </summary>
public sealed class SeatAvailability
{
    private SeatAvailability(DateTimeOffset computedAt, DateTimeOffset validUntil, IReadOnlyList<GradeAvailability> grades, IReadOnlyList<long> availableIds, IReadOnlyDictionary<string, IReadOnlyList<long>> availableByGrade)
    {
        ComputedAt = computedAt;
        ValidUntil = validUntil;
        Grades = grades;
        AvailableIds = availableIds;
        AvailableByGrade = availableByGrade;
    }

    public DateTimeOffset ComputedAt { get; }

    public DateTimeOffset ValidUntil { get; }

    /// <summary>Per grade, dearest first: total seats (blocked ones excluded) and seats free.</summary>
    public IReadOnlyList<GradeAvailability> Grades { get; }

    /// <summary>Every free seat, in id order.</summary>
    public IReadOnlyList<long> AvailableIds { get; }

    /// <summary>The free seats of each grade, in id order.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<long>> AvailableByGrade { get; }

    /// <summary>The free seats in id order, of one grade when <paramref name="grade"/> is given (none for a grade the round does not have).</summary>
    public IReadOnlyList<long> SeatIds(string? grade) => grade is null ? AvailableIds : AvailableByGrade.GetValueOrDefault(grade, []);

    internal static SeatAvailability Compute(RoundSeatBoard board, DateTimeOffset now)
    {
        var validUntil = DateTimeOffset.MaxValue;
        var available = new List<long>(board.Seats.Count);
        var counts = new Dictionary<SeatPrice, (int Total, int Available)>();
        foreach (var seat in board.Seats.Values)
        {
            if (Domain.Rounds.AvailableNow.IsLiveHold(seat.State, seat.HoldExpiresAt, now) && seat.HoldExpiresAt < validUntil)
            {
                validUntil = seat.HoldExpiresAt.Value;
            }

            if (seat.State == Domain.Rounds.SeatState.Blocked)
            {
                continue;
            }

            var price = board.Prices[seat.RoundSeatId];
            var free = seat.IsAvailableAt(now);
            var (total, open) = counts.GetValueOrDefault(price);
            counts[price] = (total + 1, open + (free ? 1 : 0));
            if (free)
            {
                available.Add(seat.RoundSeatId);
            }
        }

        available.Sort();
        var grades = counts
            .Select(pair => new GradeAvailability(pair.Key.Grade, pair.Key.Price, pair.Value.Total, pair.Value.Available))
            .OrderByDescending(grade => grade.Price)
            .ThenBy(grade => grade.Grade, StringComparer.Ordinal)
            .ToList();
        var byGrade = available
            .GroupBy(id => board.Prices[id].Grade, StringComparer.Ordinal)
            .ToDictionary(group => group.Key, IReadOnlyList<long> (group) => group.ToList(), StringComparer.Ordinal);
        return new SeatAvailability(now, validUntil, grades, available, byGrade);
    }
}
