using TicketBlue.Domain.Common;
using TicketBlue.Domain.Venues;

namespace TicketBlue.Domain.Reservations;

/// <summary>One seat to return: what was paid for it, the fee kept and the refund.</summary>
public sealed record RefundPlanLine(long RoundSeatId, string SeatLabel, SeatGrade Grade, Money Paid, Money Fee, Money Refund);

/// <summary>
/// What returning seats of a reservation would refund, decided by the rules before anything moves, so the
/// customer sees the amount before confirming and the cancellation carries out exactly what was shown.
/// A refused plan says why in <see cref="Refusal"/> (stable code, Korean message) and refunds nothing.
/// <para>
/// Partial returns and coupons: the seats kept must still meet the coupon's minimum order (the sum of
/// their prices before discount, as at checkout); otherwise the partial return is refused and the
/// customer is pointed to a whole cancellation. Each returned seat refunds what was paid for it (its
/// price minus its share of the discount), so the kept seats keep their discount. The coupon use comes
/// back only when no seat is left (<see cref="Whole"/>).
/// </para>
/// </summary>
public sealed class RefundPlan
{
    private RefundPlan(long reservationId, IReadOnlyList<RefundPlanLine> lines, RefundFee fee, bool whole, DateTimeOffset? cancellableUntil, DomainException? refusal)
    {
        ReservationId = reservationId;
        Lines = lines;
        Fee = fee;
        Whole = whole;
        CancellableUntil = cancellableUntil;
        Refusal = refusal;
    }

    public long ReservationId { get; }

    public IReadOnlyList<RefundPlanLine> Lines { get; }

    public RefundFee Fee { get; }

    /// <summary>True when no seat of the reservation would be left.</summary>
    public bool Whole { get; }

    /// <summary>The customer's cut-off; null for an admin's cancellation, which has none.</summary>
    public DateTimeOffset? CancellableUntil { get; }

    public DomainException? Refusal { get; }

    public bool Allowed => Refusal is null;

    public Money Paid => Lines.Aggregate(Money.Zero, (sum, line) => sum + line.Paid);

    public Money FeeTotal => Lines.Aggregate(Money.Zero, (sum, line) => sum + line.Fee);

    public Money Refund => Lines.Aggregate(Money.Zero, (sum, line) => sum + line.Refund);

    public IReadOnlyList<long> RoundSeatIds => Lines.Select(line => line.RoundSeatId).ToList();

    /// <summary>The input of <see cref="Reservation.CancelSeats"/>.</summary>
    public IReadOnlyDictionary<long, Money> RefundBySeat => Lines.ToDictionary(line => line.RoundSeatId, line => line.Refund);

    /// <summary>
    /// A customer returns <paramref name="roundSeatIds"/> (null: every active seat) at <paramref name="now"/>.
    /// <paramref name="couponMinimumOrder"/> is the applied coupon's minimum order, null without a coupon.
    /// </summary>
    public static RefundPlan ForCustomer(
        Reservation reservation,
        IReadOnlyCollection<long>? roundSeatIds,
        DateTimeOffset roundStartsAt,
        Money? couponMinimumOrder,
        RefundPolicy policy,
        DateTimeOffset now)
    {
        var until = policy.CancellableUntil(roundStartsAt);
        List<ReservationSeat> seats;
        RefundFee fee;
        try
        {
            seats = Select(reservation, roundSeatIds);
            fee = policy.FeeAt(roundStartsAt, reservation.ConfirmedAt ?? reservation.CreatedAt, now);
            EnsureCouponStillMet(reservation, seats, couponMinimumOrder);
        }
        catch (DomainException refusal)
        {
            return Refused(reservation, roundSeatIds, until, refusal);
        }

        return new RefundPlan(reservation.Id, LinesFor(seats, fee), fee, IsWhole(reservation, seats), until, null);
    }

    /// <summary>An admin cancels every seat not yet used at the door: full refund, no fee, no cut-off.</summary>
    public static RefundPlan ForAdmin(Reservation reservation)
    {
        try
        {
            EnsureConfirmed(reservation);
            var seats = reservation.ActiveSeats.Where(seat => seat.CheckedInAt is null).OrderBy(seat => seat.RoundSeatId).ToList();
            if (seats.Count == 0)
            {
                throw new DomainException("cancel.seat_used", "모든 좌석이 이미 입장 처리되어 취소할 수 없습니다.") { Variant = "all" };
            }

            return new RefundPlan(reservation.Id, LinesFor(seats, RefundFee.None), RefundFee.None, IsWhole(reservation, seats), null, null);
        }
        catch (DomainException refusal)
        {
            return new RefundPlan(reservation.Id, [], RefundFee.None, false, null, refusal);
        }
    }

    private static RefundPlan Refused(Reservation reservation, IReadOnlyCollection<long>? roundSeatIds, DateTimeOffset until, DomainException refusal)
    {
        // Still list the seats asked for (when they are this reservation's), refunding nothing.
        var asked = reservation.Seats
            .Where(seat => roundSeatIds is null ? seat.Status == ReservationSeatStatus.Active : roundSeatIds.Contains(seat.RoundSeatId))
            .OrderBy(seat => seat.RoundSeatId)
            .Select(seat => new RefundPlanLine(seat.RoundSeatId, seat.SeatLabel, seat.Grade, seat.AmountPaid, Money.Zero, Money.Zero))
            .ToList();
        return new RefundPlan(reservation.Id, asked, RefundFee.Refused, false, until, refusal);
    }

    private static List<ReservationSeat> Select(Reservation reservation, IReadOnlyCollection<long>? roundSeatIds)
    {
        EnsureConfirmed(reservation);
        if (roundSeatIds is not null && roundSeatIds.Count == 0)
        {
            throw new DomainException("cancel.no_seats", "취소할 좌석을 선택해 주세요.");
        }

        var wanted = roundSeatIds?.Distinct().ToList() ?? reservation.ActiveSeats.Select(seat => seat.RoundSeatId).ToList();
        var seats = new List<ReservationSeat>();
        foreach (var id in wanted.Order())
        {
            var seat = reservation.Seats.FirstOrDefault(candidate => candidate.RoundSeatId == id)
                ?? throw new DomainException("cancel.seat_unknown", "이 예매의 좌석이 아닙니다.");
            if (seat.Status != ReservationSeatStatus.Active)
            {
                throw new DomainException("cancel.seat_cancelled", $"{seat.SeatLabel} 좌석은 이미 취소되었습니다.", seat.SeatLabel);
            }

            if (seat.CheckedInAt is not null)
            {
                throw new DomainException("cancel.seat_used", $"{seat.SeatLabel} 좌석은 이미 입장하여 취소할 수 없습니다.", seat.SeatLabel);
            }

            seats.Add(seat);
        }

        return seats;
    }

    private static void EnsureConfirmed(Reservation reservation)
    {
        if (reservation.Status != ReservationStatus.Confirmed)
        {
            throw new DomainException("cancel.not_confirmed", "이미 취소되었거나 결제가 완료되지 않은 예매입니다.");
        }
    }

    private static void EnsureCouponStillMet(Reservation reservation, List<ReservationSeat> returned, Money? minimumOrder)
    {
        if (reservation.CouponId is null || minimumOrder is not { } minimum || IsWhole(reservation, returned))
        {
            return;
        }

        var kept = reservation.ActiveSeats.Where(seat => !returned.Contains(seat)).Aggregate(Money.Zero, (sum, seat) => sum + seat.Price);
        if (kept < minimum)
        {
            throw new DomainException(
                "cancel.coupon_minimum",
                $"남는 좌석 금액({kept})이 적용된 쿠폰의 최소 주문 금액({minimum})보다 적어 일부 취소할 수 없습니다. 전체 취소를 이용해 주세요.",
                kept.Won,
                minimum.Won);
        }
    }

    private static bool IsWhole(Reservation reservation, List<ReservationSeat> returned) =>
        reservation.ActiveSeats.All(returned.Contains);

    private static List<RefundPlanLine> LinesFor(List<ReservationSeat> seats, RefundFee fee) =>
        seats.Select(seat =>
        {
            var paid = seat.AmountPaid;
            var kept = fee.On(paid);
            return new RefundPlanLine(seat.RoundSeatId, seat.SeatLabel, seat.Grade, paid, kept, paid - kept);
        }).ToList();
}
