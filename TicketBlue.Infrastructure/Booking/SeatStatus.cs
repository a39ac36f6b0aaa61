using TicketBlue.Domain.Rounds;

namespace TicketBlue.Infrastructure.Booking;

/// <summary>
/// A seat's state in one round as seat maps need it. A hold carries its expiry, so a reader decides
/// "available now" itself (an expired hold is free at once, before any sweep).
/// </summary>
public readonly record struct SeatStatus(long RoundSeatId, SeatState State, string? HolderUserId, DateTimeOffset? HoldExpiresAt)
{
    /// <summary>
    /// The row's version after this change. Nodes apply a change only when it is newer than what they
    /// have, so messages that arrive out of order never put an old state back.
    /// </summary>
    public int Version { get; init; }

    public bool IsAvailableAt(DateTimeOffset now) => AvailableNow.Is(State, HoldExpiresAt, now);

    /// <summary>Held, not expired, by this customer.</summary>
    public bool IsHeldBy(string? userId, DateTimeOffset now) =>
        userId is not null && AvailableNow.IsLiveHold(State, HoldExpiresAt, now) && string.Equals(HolderUserId, userId, StringComparison.Ordinal);

    /// <summary>What a viewer sees: available, held by them, held by someone else, sold or blocked.</summary>
    public SeatView ViewFor(string? userId, DateTimeOffset now) => State switch
    {
        _ when IsAvailableAt(now) => SeatView.Available,
        SeatState.Held when IsHeldBy(userId, now) => SeatView.HeldByMe,
        SeatState.Held => SeatView.HeldByOthers,
        SeatState.Sold => SeatView.Sold,
        _ => SeatView.Blocked,
    };
}

/// <summary>A seat's state from one viewer's point of view.</summary>
public enum SeatView
{
    Available,
    HeldByMe,
    HeldByOthers,
    Sold,
    Blocked,
}
