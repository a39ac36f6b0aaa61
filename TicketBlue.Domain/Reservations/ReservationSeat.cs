using TicketBlue.Domain.Common;
using TicketBlue.Domain.Venues;

namespace TicketBlue.Domain.Reservations;

/// <summary>
/// One seat of a reservation, with its price and its share of the coupon discount, so that returning
/// some seats refunds exactly their share.
/// </summary>
public sealed class ReservationSeat : Entity<long>
{
    private ReservationSeat()
    {
        SeatLabel = string.Empty;
        Grade = SeatGrade.From("A");
    }

    internal ReservationSeat(long roundId, long roundSeatId, string seatLabel, SeatGrade grade, Money price)
    {
        RoundId = roundId;
        RoundSeatId = roundSeatId;
        SeatLabel = seatLabel;
        Grade = grade;
        Price = price;
        Status = ReservationSeatStatus.Active;
        ActiveRoundSeatId = roundSeatId;
    }

    public long ReservationId { get; private set; }

    public long RoundId { get; private set; }

    public long RoundSeatId { get; private set; }

    public string SeatLabel { get; private set; }

    public SeatGrade Grade { get; private set; }

    public Money Price { get; private set; }

    public Money DiscountShare { get; private set; }

    public Money AmountPaid => Price.MinusFloorZero(DiscountShare);

    public ReservationSeatStatus Status { get; private set; }

    public DateTimeOffset? CancelledAt { get; private set; }

    public Money RefundedAmount { get; private set; }

    /// <summary>
    /// Equals <see cref="RoundSeatId"/> while the seat is active and null once returned. A unique index
    /// on it is the database's last word against selling one seat to two reservations.
    /// </summary>
    public long? ActiveRoundSeatId { get; private set; }

    /// <summary>Set once the ticket has been scanned at the door (입장 확인).</summary>
    public DateTimeOffset? CheckedInAt { get; private set; }

    internal void SetDiscountShare(Money share) => DiscountShare = share;

    internal void EnsureCancellable(Money refund)
    {
        if (Status != ReservationSeatStatus.Active)
        {
            throw new DomainException("reservation.seat_cancelled", $"{SeatLabel} 좌석은 이미 취소되었습니다.", SeatLabel);
        }

        if (CheckedInAt is not null)
        {
            throw new DomainException("reservation.seat_used", $"{SeatLabel} 좌석은 이미 입장하여 취소할 수 없습니다.", SeatLabel);
        }

        if (refund > AmountPaid)
        {
            throw new DomainException("reservation.refund_too_large", "환불 금액이 결제 금액보다 클 수 없습니다.");
        }
    }

    internal void Cancel(Money refund, DateTimeOffset now)
    {
        EnsureCancellable(refund);
        Status = ReservationSeatStatus.Cancelled;
        CancelledAt = now;
        RefundedAmount = refund;
        ActiveRoundSeatId = null;
    }

    internal void CheckIn(DateTimeOffset now)
    {
        if (Status != ReservationSeatStatus.Active)
        {
            throw new DomainException("ticket.cancelled", "취소된 티켓입니다.") { Variant = "seat" };
        }

        if (CheckedInAt is { } at)
        {
            throw new DomainException("ticket.used", $"이미 입장한 티켓입니다. ({SeoulTime.ToSeoul(at):yyyy-MM-dd HH:mm:ss})", SeoulTime.ToSeoul(at));
        }

        CheckedInAt = now;
    }
}
