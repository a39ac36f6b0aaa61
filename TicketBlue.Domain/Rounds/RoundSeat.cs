using System.Linq.Expressions;
using TicketBlue.Domain.Common;
using TicketBlue.Domain.Venues;

namespace TicketBlue.Domain.Rounds;

public enum SeatState
{
    Available,
    Held,
    Sold,

    /// <summary>Not for sale in this round (camera position, house seat, broken seat).</summary>
    Blocked,
}

/// <summary>
/// One seat of one round's inventory, the row that booking updates atomically. Exactly one row
/// exists per (round, seat) — a unique key — so a seat's state can only be one thing at a time.
/// A hold carries its own expiry: a seat whose hold has expired is available to the next customer
/// at once, whether or not a sweep has tidied the row yet.
/// </summary>
public sealed class RoundSeat : Entity<long>
{
    private RoundSeat()
    {
        Grade = SeatGrade.From("A");
    }

    public RoundSeat(long roundId, long seatId, SeatGrade grade, Money price, bool blocked)
    {
        RoundId = roundId;
        SeatId = seatId;
        Grade = grade;
        Price = price;
        State = blocked ? SeatState.Blocked : SeatState.Available;
    }

    public long RoundId { get; private set; }

    public long SeatId { get; private set; }

    public SeatGrade Grade { get; private set; }

    /// <summary>Price fixed when the round was put on sale, so a later price change never alters a sale.</summary>
    public Money Price { get; private set; }

    public SeatState State { get; private set; }

    public Guid? HoldId { get; private set; }

    public string? HeldByUserId { get; private set; }

    public DateTimeOffset? HoldExpiresAt { get; private set; }

    public long? ReservationId { get; private set; }

    /// <summary>Bumped on every change: the compare-and-set token of the booking hot path.</summary>
    public int Version { get; private set; }

    /// <summary>Available now (<see cref="AvailableNow"/>): free, or held by a hold that has already expired.</summary>
    public bool IsAvailableAt(DateTimeOffset now) => AvailableNow.Is(State, HoldExpiresAt, now);

    /// <summary>Held by a hold that still runs (<see cref="AvailableNow.IsLiveHold"/>).</summary>
    public bool IsHeldAt(DateTimeOffset now) => AvailableNow.IsLiveHold(State, HoldExpiresAt, now);

    /// <summary>
    /// The same rule as an expression, so database queries count availability as the model does
    /// (a unit test holds the two together; <c>AvailableNowSqlTests</c> runs it on MariaDB).
    /// </summary>
    public static Expression<Func<RoundSeat, bool>> AvailableAt(DateTimeOffset now) =>
        seat => seat.State == SeatState.Available || (seat.State == SeatState.Held && seat.HoldExpiresAt <= now);

    /// <summary><see cref="IsHeldAt"/> as an expression (a unit test holds the two together).</summary>
    public static Expression<Func<RoundSeat, bool>> HeldAt(DateTimeOffset now) =>
        seat => seat.State == SeatState.Held && seat.HoldExpiresAt > now;

    public void Hold(Guid holdId, string userId, DateTimeOffset expiresAt, DateTimeOffset now)
    {
        if (!IsAvailableAt(now))
        {
            throw new DomainException("seat.unavailable", "이미 다른 고객이 선택한 좌석입니다.");
        }

        State = SeatState.Held;
        HoldId = holdId;
        HeldByUserId = userId;
        HoldExpiresAt = expiresAt;
        Version++;
    }

    public void ExtendHold(Guid holdId, DateTimeOffset expiresAt)
    {
        EnsureHeldBy(holdId);
        HoldExpiresAt = expiresAt;
        Version++;
    }

    public void Release(Guid holdId)
    {
        EnsureHeldBy(holdId);
        ClearHold();
        State = SeatState.Available;
        Version++;
    }

    /// <summary>Turns this hold into a sale. Works only for the hold that owns the seat, and only before it expires.</summary>
    public void Sell(Guid holdId, long reservationId, DateTimeOffset now)
    {
        EnsureHeldBy(holdId);
        if (HoldExpiresAt <= now)
        {
            throw new DomainException("hold.expired", "선점 시간이 지나 좌석이 해제되었습니다.");
        }

        ClearHold();
        State = SeatState.Sold;
        ReservationId = reservationId;
        Version++;
    }

    /// <summary>
    /// Whether a paid order may have this seat: still held by the order's hold (even past its expiry —
    /// the payment went through), or available to anyone now. Never a seat another live hold or a sale has.
    /// </summary>
    public bool IsSellableTo(Guid holdId, DateTimeOffset now) => IsSellable(State, HoldId, HoldExpiresAt, holdId, now);

    /// <summary><see cref="IsSellableTo"/> on a seat's columns, for rows read without the entity.</summary>
    public static bool IsSellable(SeatState state, Guid? seatHoldId, DateTimeOffset? holdExpiresAt, Guid orderHoldId, DateTimeOffset now) =>
        (state == SeatState.Held && seatHoldId == orderHoldId) || AvailableNow.Is(state, holdExpiresAt, now);

    /// <summary>The same rule as an expression; the confirmation's conditional UPDATE is its SQL form.</summary>
    public static Expression<Func<RoundSeat, bool>> SellableTo(Guid holdId, DateTimeOffset now) =>
        seat => (seat.State == SeatState.Held && seat.HoldId == holdId)
            || seat.State == SeatState.Available
            || (seat.State == SeatState.Held && seat.HoldExpiresAt <= now);

    /// <summary>
    /// Sells the seat to a reservation whose payment the gateway approved. Unlike <see cref="Sell"/> the
    /// hold may have run out meanwhile: if nobody else took the seat, the customer keeps it.
    /// </summary>
    public void SellToPaidOrder(Guid holdId, long reservationId, DateTimeOffset now)
    {
        if (!IsSellableTo(holdId, now))
        {
            throw new DomainException("seat.unavailable", "선점 시간이 지나 다른 고객이 선택한 좌석입니다.") { Variant = "expired" };
        }

        ClearHold();
        State = SeatState.Sold;
        ReservationId = reservationId;
        Version++;
    }

    /// <summary>A cancelled sale puts the seat back on sale.</summary>
    public void ReturnToSale(long reservationId)
    {
        if (State != SeatState.Sold || ReservationId != reservationId)
        {
            throw new DomainException("seat.not_sold", "이 예매로 판매된 좌석이 아닙니다.");
        }

        ReservationId = null;
        State = SeatState.Available;
        Version++;
    }

    public void Block(DateTimeOffset now)
    {
        if (State == SeatState.Sold || (State == SeatState.Held && !IsAvailableAt(now)))
        {
            throw new DomainException("seat.in_use", "판매되었거나 선점된 좌석은 막을 수 없습니다.");
        }

        ClearHold();
        State = SeatState.Blocked;
        Version++;
    }

    public void Unblock()
    {
        if (State != SeatState.Blocked)
        {
            throw new DomainException("seat.not_blocked", "막혀 있는 좌석이 아닙니다.");
        }

        State = SeatState.Available;
        Version++;
    }

    private void EnsureHeldBy(Guid holdId)
    {
        if (State != SeatState.Held || HoldId != holdId)
        {
            throw new DomainException("hold.not_owner", "이 선점의 좌석이 아닙니다.");
        }
    }

    private void ClearHold()
    {
        HoldId = null;
        HeldByUserId = null;
        HoldExpiresAt = null;
    }
}
