using Shouldly;
using TicketBlue.Domain.Common;
using TicketBlue.Domain.Booking;
using TicketBlue.Domain.Reservations;
using TicketBlue.Domain.Rounds;
using TicketBlue.Domain.Venues;
using static TicketBlue.Tests.Domain.Builders;

namespace TicketBlue.Tests.Domain.Checkout;

/// <summary>
/// A payment approved after the hold ran out: the customer keeps seats nobody else took (reservation,
/// seat and hold rules agree), and an order that lost a seat ends at once.
/// </summary>
[Trait("Category", "Unit")]
public sealed class LateConfirmationRuleTests
{
    private static readonly DateTimeOffset Now = DomainTestClock.Now;
    private static readonly Guid Ours = Guid.Parse("0193a0b0-0000-7000-8000-00000000000a");
    private static readonly Guid Theirs = Guid.Parse("0193a0b0-0000-7000-8000-00000000000b");

    [Fact]
    public void ShouldConfirmPastTheDueTime_WhenTheSeatsWereSecured()
    {
        var reservation = PendingReservation();
        var late = reservation.PaymentDueAt.AddMinutes(1);
        Should.Throw<DomainException>(() => reservation.Confirm(late)).Code.ShouldBe("reservation.payment_overdue");

        reservation.ConfirmWithSeatsSecured(late);

        reservation.Status.ShouldBe(ReservationStatus.Confirmed);
        reservation.ConfirmedAt.ShouldBe(late);
    }

    [Fact]
    public void ShouldRefuseALateConfirmation_OfAnExpiredReservation()
    {
        var reservation = PendingReservation();
        reservation.Expire(reservation.PaymentDueAt);

        Should.Throw<DomainException>(() => reservation.ConfirmWithSeatsSecured(reservation.PaymentDueAt.AddMinutes(1))).Code.ShouldBe("reservation.not_pending");
    }

    [Fact]
    public void ShouldEndAnOrderThatLostASeat_BeforeItsDueTime_FreeingEverySeat()
    {
        var reservation = PendingReservation();

        reservation.Abandon("좌석 판매 불가로 자동 취소", Now.AddMinutes(1));

        reservation.Status.ShouldBe(ReservationStatus.Cancelled);
        reservation.CancellationReason.ShouldBe("좌석 판매 불가로 자동 취소");
        reservation.Seats.ShouldAllBe(seat => seat.Status == ReservationSeatStatus.Cancelled && seat.ActiveRoundSeatId == null);
        Should.Throw<DomainException>(() => reservation.Abandon("again", Now.AddMinutes(2))).Code.ShouldBe("reservation.not_pending");
    }

    [Fact]
    public void ShouldSellAPaidSeat_StillHeldByTheOrdersHold_EvenAfterTheHoldRanOut()
    {
        var seat = Seat();
        seat.Hold(Ours, Customer, Now.AddMinutes(10), Now);
        var late = Now.AddMinutes(11);
        Should.Throw<DomainException>(() => seat.Sell(Ours, ReservationId, late)).Code.ShouldBe("hold.expired");

        seat.SellToPaidOrder(Ours, ReservationId, late);

        seat.State.ShouldBe(SeatState.Sold);
        seat.ReservationId.ShouldBe(ReservationId);
        seat.HoldId.ShouldBeNull();
    }

    [Fact]
    public void ShouldSellAPaidSeat_ThatIsFreeAgain()
    {
        var seat = Seat();

        seat.SellToPaidOrder(Ours, ReservationId, Now);

        seat.State.ShouldBe(SeatState.Sold);
    }

    [Fact]
    public void ShouldRefuseAPaidSeat_ThatAnotherLiveHoldHasTaken()
    {
        var seat = Seat();
        seat.Hold(Theirs, OtherCustomer, Now.AddMinutes(10), Now);

        Should.Throw<DomainException>(() => seat.SellToPaidOrder(Ours, ReservationId, Now.AddMinutes(1))).Code.ShouldBe("seat.unavailable");
        seat.HoldId.ShouldBe(Theirs);
    }

    [Fact]
    public void ShouldAgreeWithTheQueryForm_ForEveryState()
    {
        var free = Seat();
        var blocked = Seat(blocked: true);
        var oursLive = Seat();
        oursLive.Hold(Ours, Customer, Now.AddMinutes(5), Now);
        var oursExpired = Seat();
        oursExpired.Hold(Ours, Customer, Now.AddMinutes(-1), Now.AddMinutes(-11));
        var theirsLive = Seat();
        theirsLive.Hold(Theirs, OtherCustomer, Now.AddMinutes(5), Now);
        var theirsExpired = Seat();
        theirsExpired.Hold(Theirs, OtherCustomer, Now.AddMinutes(-1), Now.AddMinutes(-11));
        var sold = Seat();
        sold.SellToPaidOrder(Theirs, 1, Now);
        RoundSeat[] seats = [free, blocked, oursLive, oursExpired, theirsLive, theirsExpired, sold];

        var rule = RoundSeat.SellableTo(Ours, Now).Compile();

        seats.Select(rule).ShouldBe(seats.Select(seat => seat.IsSellableTo(Ours, Now)));
        seats.Select(rule).ShouldBe([true, false, true, true, false, true, false]);
    }

    [Fact]
    public void ShouldConvertTheHoldOfAPaidOrder_EvenWhenTheSweepMarkedItExpired()
    {
        var hold = ActiveHold();
        hold.MarkExpired(hold.ExpiresAt);
        hold.Status.ShouldBe(SeatHoldStatus.Expired);

        hold.ConvertAfterPayment(ReservationId);

        hold.Status.ShouldBe(SeatHoldStatus.Converted);
        hold.ReservationId.ShouldBe(ReservationId);
    }

    [Fact]
    public void ShouldRefuseToConvertAReleasedHold()
    {
        var hold = ActiveHold();
        hold.Release(Now);

        Should.Throw<DomainException>(() => hold.ConvertAfterPayment(ReservationId)).Code.ShouldBe("hold.not_active");
    }

    [Fact]
    public void ShouldEndTheHoldOfAnAbandonedOrder_AsReleasedOrExpired()
    {
        var early = ActiveHold();
        early.End(Now.AddMinutes(1));
        early.Status.ShouldBe(SeatHoldStatus.Released);

        var late = ActiveHold();
        late.End(late.ExpiresAt);
        late.Status.ShouldBe(SeatHoldStatus.Expired);
    }

    private static RoundSeat Seat(bool blocked = false) => new(RoundId, 7, SeatGrade.From("R"), Money.FromWon(80_000), blocked);
}
