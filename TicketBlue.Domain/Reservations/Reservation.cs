using TicketBlue.Domain.Common;
using TicketBlue.Domain.Booking;

namespace TicketBlue.Domain.Reservations;

/// <summary>
/// A customer's booking of seats in one round (예매). Created from an active hold, confirmed by a
/// payment, and cancelled in whole or in part. Amounts are fixed at creation: later price changes
/// never alter what a customer paid.
/// </summary>
public sealed class Reservation : Entity<long>
{
    private readonly List<ReservationSeat> _seats = [];

    private Reservation()
    {
        Number = string.Empty;
        UserId = string.Empty;
    }

    public string Number { get; private set; }

    public string UserId { get; private set; }

    public long PerformanceId { get; private set; }

    public long RoundId { get; private set; }

    public Guid SeatHoldId { get; private set; }

    public ReservationStatus Status { get; private set; }

    public Money Subtotal { get; private set; }

    public Money Discount { get; private set; }

    public Money Total { get; private set; }

    public long? CouponId { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    /// <summary>The payment must be confirmed before this instant (the hold's expiry).</summary>
    public DateTimeOffset PaymentDueAt { get; private set; }

    public DateTimeOffset? ConfirmedAt { get; private set; }

    public DateTimeOffset? CancelledAt { get; private set; }

    public string? CancellationReason { get; private set; }

    public Money RefundedAmount { get; private set; }

    public int Version { get; private set; }

    public IReadOnlyCollection<ReservationSeat> Seats => _seats.AsReadOnly();

    public IEnumerable<ReservationSeat> ActiveSeats => _seats.Where(seat => seat.Status == ReservationSeatStatus.Active);

    /// <summary>
    /// Creates a reservation from an active hold. <paramref name="discount"/> comes from the coupon
    /// rules and is spread over the seats in proportion to their prices (largest remainder), so that
    /// the shares add up to the discount exactly.
    /// </summary>
    public static Reservation CreateFromHold(
        SeatHold hold,
        long performanceId,
        IReadOnlyList<ReservedSeatLine> seats,
        long? couponId,
        Money discount,
        string number,
        DateTimeOffset now)
    {
        if (!hold.IsActiveAt(now))
        {
            throw new DomainException("hold.expired", "선점 시간이 지나 좌석이 해제되었습니다.");
        }

        var heldIds = hold.Items.Select(item => item.RoundSeatId).ToHashSet();
        var lineIds = seats.Select(seat => seat.RoundSeatId).ToList();
        if (lineIds.Count != lineIds.Distinct().Count() || !heldIds.SetEquals(lineIds))
        {
            throw new DomainException("reservation.seats_mismatch", "선점한 좌석과 예매할 좌석이 다릅니다.");
        }

        var subtotal = seats.Aggregate(Money.Zero, (sum, seat) => sum + seat.Price);
        if (discount > subtotal)
        {
            throw new DomainException("reservation.discount", "할인 금액이 주문 금액보다 클 수 없습니다.");
        }

        if (couponId is null && discount > Money.Zero)
        {
            throw new DomainException("reservation.discount", "쿠폰 없이 할인할 수 없습니다.") { Variant = "no_coupon" };
        }

        var reservation = new Reservation
        {
            Number = Guard.NotBlank(number, "reservation.number", "예매 번호가 없습니다.", 20),
            UserId = hold.UserId,
            PerformanceId = performanceId,
            RoundId = hold.RoundId,
            SeatHoldId = hold.Id,
            Status = ReservationStatus.PendingPayment,
            Subtotal = subtotal,
            Discount = discount,
            Total = subtotal - discount,
            CouponId = couponId,
            CreatedAt = now,
            PaymentDueAt = hold.ExpiresAt,
        };
        reservation._seats.AddRange(seats.Select(seat => new ReservationSeat(hold.RoundId, seat.RoundSeatId, seat.SeatLabel, seat.Grade, seat.Price)));
        reservation.AllocateDiscount();
        return reservation;
    }

    /// <summary>Payment confirmed: only a pending reservation whose payment is still due can complete.</summary>
    public void Confirm(DateTimeOffset now)
    {
        if (Status == ReservationStatus.Confirmed)
        {
            throw new DomainException("reservation.already_confirmed", "이미 결제가 완료된 예매입니다.");
        }

        if (Status != ReservationStatus.PendingPayment)
        {
            throw new DomainException("reservation.not_pending", "결제할 수 없는 상태의 예매입니다.");
        }

        if (now >= PaymentDueAt)
        {
            throw new DomainException("reservation.payment_overdue", "결제 기한이 지났습니다.");
        }

        Status = ReservationStatus.Confirmed;
        ConfirmedAt = now;
    }

    /// <summary>
    /// Payment confirmed after <see cref="PaymentDueAt"/>: the hold ran out while the customer was at the
    /// gateway, but nobody else took the seats and the caller has sold every one of them to this
    /// reservation in the same transaction. The customer's luck, and a sale rather than a refund.
    /// Before the due time this is the same as <see cref="Confirm"/>.
    /// </summary>
    public void ConfirmWithSeatsSecured(DateTimeOffset now)
    {
        if (now < PaymentDueAt)
        {
            Confirm(now);
            return;
        }

        if (Status == ReservationStatus.Confirmed)
        {
            throw new DomainException("reservation.already_confirmed", "이미 결제가 완료된 예매입니다.");
        }

        if (Status != ReservationStatus.PendingPayment)
        {
            throw new DomainException("reservation.not_pending", "결제할 수 없는 상태의 예매입니다.");
        }

        Status = ReservationStatus.Confirmed;
        ConfirmedAt = now;
    }

    /// <summary>
    /// An order that cannot be completed although the money may have moved (a seat was sold to someone
    /// else after the hold ran out): it ends at once, due time or not, with the reason, and its seats
    /// leave the reservation. Refunding the payment is the caller's part.
    /// </summary>
    public void Abandon(string reason, DateTimeOffset now)
    {
        if (Status != ReservationStatus.PendingPayment)
        {
            throw new DomainException("reservation.not_pending", "결제 대기 중인 예매가 아닙니다.") { Variant = "abandon" };
        }

        CancellationReason = Guard.NotBlank(reason, "reservation.cancel_reason", "취소 사유가 없습니다.", 500);
        Status = ReservationStatus.Cancelled;
        CancelledAt = now;
        foreach (var seat in _seats)
        {
            seat.Cancel(Money.Zero, now);
        }
    }

    /// <summary>The payment never arrived: the reservation ends and its seats go back on sale.</summary>
    public void Expire(DateTimeOffset now)
    {
        if (Status != ReservationStatus.PendingPayment)
        {
            throw new DomainException("reservation.not_pending", "결제 대기 중인 예매만 만료될 수 있습니다.") { Variant = "expire" };
        }

        if (now < PaymentDueAt)
        {
            throw new DomainException("reservation.not_overdue", "아직 결제 기한이 남아 있습니다.");
        }

        Status = ReservationStatus.Expired;
        CancelledAt = now;
        foreach (var seat in _seats)
        {
            seat.Cancel(Money.Zero, now);
        }
    }

    /// <summary>
    /// Returns some seats of a confirmed reservation with the refund for each (the fee rules are the
    /// caller's). When no seat is left, the whole reservation is cancelled.
    /// </summary>
    public void CancelSeats(IReadOnlyDictionary<long, Money> refundByRoundSeatId, string reason, DateTimeOffset now)
    {
        if (Status != ReservationStatus.Confirmed)
        {
            throw new DomainException("reservation.not_confirmed", "결제가 완료된 예매만 취소할 수 있습니다.");
        }

        if (refundByRoundSeatId.Count == 0)
        {
            throw new DomainException("reservation.cancel_empty", "취소할 좌석을 선택해 주세요.");
        }

        var reasonText = Guard.NotBlank(reason, "reservation.cancel_reason", "취소 사유를 입력해 주세요.", 500, "required");

        // Check every seat before changing any, so a refused request leaves the reservation as it was.
        var returns = refundByRoundSeatId
            .Select(pair => (
                Seat: _seats.FirstOrDefault(candidate => candidate.RoundSeatId == pair.Key)
                    ?? throw new DomainException("reservation.seat_unknown", "이 예매의 좌석이 아닙니다."),
                Refund: pair.Value))
            .ToList();
        foreach (var (seat, refund) in returns)
        {
            seat.EnsureCancellable(refund);
        }

        foreach (var (seat, refund) in returns)
        {
            seat.Cancel(refund, now);
            RefundedAmount += refund;
        }

        if (!ActiveSeats.Any())
        {
            Status = ReservationStatus.Cancelled;
            CancelledAt = now;
            CancellationReason = reasonText;
        }

    }

    /// <summary>Marks one ticket used at the door; a second scan is refused with the time of the first.</summary>
    public void CheckIn(long roundSeatId, DateTimeOffset now)
    {
        if (Status != ReservationStatus.Confirmed)
        {
            throw new DomainException("ticket.cancelled", "유효하지 않은 예매입니다.") { Variant = "reservation" };
        }

        var seat = _seats.FirstOrDefault(candidate => candidate.RoundSeatId == roundSeatId)
            ?? throw new DomainException("ticket.unknown", "이 예매의 좌석이 아닙니다.");
        seat.CheckIn(now);
    }

    private void AllocateDiscount()
    {
        if (Discount == Money.Zero || Subtotal == Money.Zero)
        {
            return;
        }

        var shares = _seats
            .Select(seat => (Seat: seat, Exact: (decimal)Discount.Won * seat.Price.Won / Subtotal.Won))
            .Select(item => (item.Seat, Floor: (long)Math.Floor(item.Exact), Remainder: item.Exact - Math.Floor(item.Exact)))
            .ToList();
        var leftover = Discount.Won - shares.Sum(item => item.Floor);
        foreach (var (seat, floor, _) in shares.OrderByDescending(item => item.Remainder).ThenBy(item => item.Seat.RoundSeatId))
        {
            var extra = leftover > 0 ? 1 : 0;
            leftover -= extra;
            seat.SetDiscountShare(Money.FromWon(floor + extra));
        }
    }
}

/// <summary>What the reservation needs to know about each held seat.</summary>
public sealed record ReservedSeatLine(long RoundSeatId, string SeatLabel, Venues.SeatGrade Grade, Money Price);
