using System.Collections.Immutable;

namespace TicketBlue.Infrastructure.Booking;

/// <summary>A seat's grade and price in a round: fixed when the round was put on sale.</summary>
public readonly record struct SeatPrice(string Grade, long Price);

/// <summary>How many seats of a grade there are and how many are free now.</summary>
public sealed record GradeAvailability(string Grade, long Price, int Total, int Available);

/// <summary>
/// One round's seats as this node knows them at one instant. Immutable: a change produces a new
/// board, so readers never see a half-applied update and never need a lock.
/// </summary>
public sealed class RoundSeatBoard
{
    public RoundSeatBoard(long roundId, ImmutableDictionary<long, SeatStatus> seats, IReadOnlyDictionary<long, SeatPrice> prices, long revision)
    {
        RoundId = roundId;
        Seats = seats;
        Prices = prices;
        Revision = revision;
    }

    public long RoundId { get; }

    /// <summary>Every seat of the round by its round-seat id.</summary>
    public ImmutableDictionary<long, SeatStatus> Seats { get; }

    public IReadOnlyDictionary<long, SeatPrice> Prices { get; }

    /// <summary>Grows with every applied change on this node; tells a reader whether anything moved.</summary>
    public long Revision { get; }

    /// <summary>The board with the newer of each change applied; older or unknown seats are ignored.</summary>
    public RoundSeatBoard With(IReadOnlyList<SeatStatus> changes)
    {
        var builder = Seats.ToBuilder();
        foreach (var change in changes)
        {
            if (builder.TryGetValue(change.RoundSeatId, out var current) && change.Version > current.Version)
            {
                builder[change.RoundSeatId] = change;
            }
        }

        return new RoundSeatBoard(RoundId, builder.ToImmutable(), Prices, Revision + 1);
    }

    public IReadOnlyList<long> AvailableSeatIds(DateTimeOffset now, string? grade = null) =>
        Seats.Values
            .Where(seat => seat.IsAvailableAt(now) && (grade is null || string.Equals(Prices[seat.RoundSeatId].Grade, grade, StringComparison.Ordinal)))
            .Select(seat => seat.RoundSeatId)
            .Order()
            .ToList();

    /// <summary>Per grade, dearest first: total seats and seats free now.</summary>
    public IReadOnlyList<GradeAvailability> Grades(DateTimeOffset now) =>
        Seats.Values
            .Where(seat => seat.State != Domain.Rounds.SeatState.Blocked)
            .GroupBy(seat => Prices[seat.RoundSeatId])
            .Select(group => new GradeAvailability(group.Key.Grade, group.Key.Price, group.Count(), group.Count(seat => seat.IsAvailableAt(now))))
            .OrderByDescending(grade => grade.Price)
            .ThenBy(grade => grade.Grade, StringComparer.Ordinal)
            .ToList();
}
