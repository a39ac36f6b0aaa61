using TicketBlue.Domain.Common;
using TicketBlue.Domain.Performances;
using TicketBlue.Domain.Rounds;

namespace TicketBlue.Domain.Booking;

public enum SeatHoldStatus
{
    Active,
    Released,
    Converted,
    Expired,
}

/// <summary>
/// A customer's claim on some seats of one round for a limited time (좌석 선점). All seats are
/// taken together or none; the hold ends when released, converted into a reservation, or expired.
/// </summary>
public sealed class SeatHold : Entity<Guid>
{
    private readonly List<SeatHoldItem> _items = [];

    private SeatHold()
    {
        UserId = string.Empty;
    }

    public long RoundId { get; private set; }

    public string UserId { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset ExpiresAt { get; private set; }

    public int ExtensionsUsed { get; private set; }

    /// <summary>
    /// How many more seats a customer may hold in a round: its per-customer limit less the seats they
    /// already own there (<see cref="OwnedSeats"/>: live holds plus bought tickets). The hold path and the seat map both ask this.
    /// </summary>
    public static int SeatsLeft(int ticketLimit, int alreadyOwned) => Math.Max(0, ticketLimit - alreadyOwned);

    /// <summary>The round's end of sales when the hold started; no extension goes past it.</summary>
    public DateTimeOffset SalesCloseAt { get; private set; }

    public SeatHoldStatus Status { get; private set; }

    public long? ReservationId { get; private set; }

    public IReadOnlyCollection<SeatHoldItem> Items => _items.AsReadOnly();

    /// <summary>
    /// Starts a hold. The round must be on sale, its show public (<paramref name="performanceStatus"/>),
    /// and the customer may hold (<see cref="HoldCustomer.EnsureMayHold"/>). <paramref name="alreadyOwned"/>
    /// is how many seats the customer already holds or bought in this round, so the per-customer limit counts both.
    /// </summary>
    public static SeatHold Start(Round round, PerformanceStatus performanceStatus, HoldCustomer customer, IReadOnlyCollection<long> roundSeatIds, int alreadyOwned, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(round);
        ArgumentNullException.ThrowIfNull(customer);
        round.EnsureOnSale(performanceStatus, now);
        customer.EnsureMayHold();
        var userId = customer.UserId;

        if (alreadyOwned < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(alreadyOwned), "A customer cannot own a negative number of seats.");
        }

        if (roundSeatIds.Count == 0)
        {
            throw new DomainException("hold.empty", "좌석을 한 개 이상 선택해 주세요.");
        }

        if (roundSeatIds.Distinct().Count() != roundSeatIds.Count)
        {
            throw new DomainException("hold.duplicate_seat", "같은 좌석이 두 번 선택되었습니다.");
        }

        if (roundSeatIds.Count > SeatsLeft(round.TicketLimitPerCustomer, alreadyOwned))
        {
            throw new DomainException(
                "hold.limit",
                $"이 회차는 1인당 {round.TicketLimitPerCustomer}매까지 예매할 수 있습니다. (현재 {alreadyOwned}매 보유)",
                round.TicketLimitPerCustomer,
                alreadyOwned);
        }

        var hold = new SeatHold
        {
            Id = Guid.CreateVersion7(now),
            RoundId = round.Id,
            UserId = userId,
            CreatedAt = now,
            // A hold never outlives the round's sales: nobody pays for a show that has begun.
            ExpiresAt = Min(now + round.HoldPolicy.HoldDuration, round.SalesWindow.End),
            SalesCloseAt = round.SalesWindow.End,
            Status = SeatHoldStatus.Active,
        };
        hold._items.AddRange(roundSeatIds.Select(id => new SeatHoldItem(id)));
        return hold;
    }

    public bool IsActiveAt(DateTimeOffset now) => Status == SeatHoldStatus.Active && now < ExpiresAt;

    /// <summary>Extends the hold by the round's hold duration, at most <see cref="HoldPolicy.MaxExtensions"/> times and never past <see cref="HoldPolicy.MaxTotal"/>.</summary>
    public DateTimeOffset Extend(HoldPolicy policy, DateTimeOffset now)
    {
        EnsureActive(now);
        if (ExtensionsUsed >= policy.MaxExtensions)
        {
            throw new DomainException("hold.no_more_extensions", "선점 시간은 더 연장할 수 없습니다.");
        }

        var ceiling = Min(CreatedAt + policy.MaxTotal, SalesCloseAt);
        var extended = Min(ExpiresAt + policy.HoldDuration, ceiling);
        if (extended <= ExpiresAt)
        {
            throw new DomainException("hold.no_more_extensions", "최대 선점 시간에 도달했습니다.") { Variant = "max_time" };
        }

        ExpiresAt = extended;
        ExtensionsUsed++;
        return ExpiresAt;
    }

    /// <summary>Whether <see cref="Extend"/> would still give more time (the customer is offered the button only then).</summary>
    public bool CanExtend(HoldPolicy policy, DateTimeOffset now) =>
        IsActiveAt(now) && ExtensionsUsed < policy.MaxExtensions && Min(CreatedAt + policy.MaxTotal, SalesCloseAt) > ExpiresAt;

    public void Release(DateTimeOffset now)
    {
        if (Status != SeatHoldStatus.Active)
        {
            throw new DomainException("hold.not_active", "이미 끝난 선점입니다.");
        }

        Status = now < ExpiresAt ? SeatHoldStatus.Released : SeatHoldStatus.Expired;
    }

    public void ConvertTo(long reservationId, DateTimeOffset now)
    {
        EnsureActive(now);
        Status = SeatHoldStatus.Converted;
        ReservationId = reservationId;
    }

    /// <summary>
    /// Converts the hold of an order whose payment went through, even if the hold ran out (and the sweep
    /// marked it expired) meanwhile: the seats themselves were re-checked by the caller. A hold the
    /// customer released, or one already converted, is refused.
    /// </summary>
    public void ConvertAfterPayment(long reservationId)
    {
        if (Status is not (SeatHoldStatus.Active or SeatHoldStatus.Expired))
        {
            throw new DomainException("hold.not_active", "이미 끝난 선점입니다.");
        }

        Status = SeatHoldStatus.Converted;
        ReservationId = reservationId;
    }

    /// <summary>Ends the hold of an order that will not be completed (its seats are given back by the caller).</summary>
    public void End(DateTimeOffset now)
    {
        if (Status == SeatHoldStatus.Active)
        {
            Status = now < ExpiresAt ? SeatHoldStatus.Released : SeatHoldStatus.Expired;
        }
    }

    /// <summary>Marks a hold that ran out; used by the tidy-up sweep, never needed for correctness.</summary>
    public void MarkExpired(DateTimeOffset now)
    {
        if (Status == SeatHoldStatus.Active && now >= ExpiresAt)
        {
            Status = SeatHoldStatus.Expired;
        }
    }

    private void EnsureActive(DateTimeOffset now)
    {
        if (Status != SeatHoldStatus.Active)
        {
            throw new DomainException("hold.not_active", "이미 끝난 선점입니다.");
        }

        if (now >= ExpiresAt)
        {
            throw new DomainException("hold.expired", "선점 시간이 지나 좌석이 해제되었습니다.");
        }
    }

    private static DateTimeOffset Min(DateTimeOffset left, DateTimeOffset right) => left <= right ? left : right;
}

public sealed class SeatHoldItem
{
    private SeatHoldItem()
    {
    }

    internal SeatHoldItem(long roundSeatId) => RoundSeatId = roundSeatId;

    public Guid SeatHoldId { get; private set; }

    public long RoundSeatId { get; private set; }
}
