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
    public RoundSeatBoard(long roundId, ImmutableDictionary<long, SeatStatus> seats, IReadOnlyDictionary<long, SeatPrice> prices, long revision, IReadOnlyDictionary<long, string>? labels = null)
    {
        RoundId = roundId;
        Seats = seats;
        Prices = prices;
        Revision = revision;
        Labels = labels ?? new Dictionary<long, string>();
    }

    public long RoundId { get; }

    /// <summary>Every seat of the round by its round-seat id.</summary>
    public ImmutableDictionary<long, SeatStatus> Seats { get; }

    public IReadOnlyDictionary<long, SeatPrice> Prices { get; }

    /// <summary>Each seat's Korean name ("1층 A구역 3열 7번"), fixed for the round.</summary>
    public IReadOnlyDictionary<long, string> Labels { get; }

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

        return new RoundSeatBoard(RoundId, builder.ToImmutable(), Prices, Revision + 1, Labels);
    }

    public IReadOnlyList<long> AvailableSeatIds(DateTimeOffset now, string? grade = null) => AvailabilityAt(now).SeatIds(grade);

    /// <summary>Per grade, dearest first: total seats and seats free now.</summary>
    public IReadOnlyList<GradeAvailability> Grades(DateTimeOffset now) => AvailabilityAt(now).Grades;

    /// <summary>
    /// Availability is read far more often than seats change (every client of a rush polls it), so it
    /// is worked out once per board and reused until the board changes or a hold on it runs out — the
    /// only way time alone changes what is free.
    /// </summary>
    /// <remarks>The same instance is returned for as long as it is true, so a reader may keep what it derives from it (the API keeps its JSON).</remarks>
    public SeatAvailability AvailabilityAt(DateTimeOffset now)
    {
        var snapshot = Volatile.Read(ref _availability);
        if (snapshot is not null && now >= snapshot.ComputedAt && now < snapshot.ValidUntil)
        {
            return snapshot;
        }

        snapshot = SeatAvailability.Compute(this, now);
        Volatile.Write(ref _availability, snapshot);
        return snapshot;
    }

    private SeatAvailability? _availability;
}
