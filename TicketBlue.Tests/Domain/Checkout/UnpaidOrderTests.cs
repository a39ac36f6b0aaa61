using Shouldly;
using TicketBlue.Domain.Checkout;
using TicketBlue.Domain.Common;
using TicketBlue.Domain.Coupons;
using TicketBlue.Domain.Payments;
using TicketBlue.Domain.Reservations;
using static TicketBlue.Tests.Domain.Builders;

namespace TicketBlue.Tests.Domain.Checkout;

/// <summary>An unpaid order that stands in the way: reused, replaced, ended on release or expired for a new buyer, by one set of rules.</summary>
[Trait("Category", "Unit")]
public sealed class UnpaidOrderTests
{
    private static readonly DateTimeOffset Now = DomainTestClock.Now;

    [Theory]
    [InlineData(PaymentStatus.Ready, true)]
    [InlineData(PaymentStatus.InProgress, true)]
    [InlineData(PaymentStatus.WaitingForDeposit, true)]
    [InlineData(PaymentStatus.Aborted, false)]
    [InlineData(PaymentStatus.Expired, false)]
    public void ShouldReuseTheEarlierOrder_OnlyWhileItsPaymentCanStillGoOn(PaymentStatus payment, bool reused)
    {
        UnpaidOrder.CanReuse(PendingReservation(), payment, redemption: null, couponId: null).ShouldBe(reused);
    }

    [Fact]
    public void ShouldNotReuse_GivenAnotherCouponOrACouponUseNoLongerReserved()
    {
        UnpaidOrder.CanReuse(PendingReservation(), PaymentStatus.Ready, null, couponId: 7).ShouldBeFalse();
        UnpaidOrder.CanReuse(PendingReservation(), null, null, null).ShouldBeFalse("no payment to give back");
        UnpaidOrder.CanReuse(PendingReservation(couponId: 7, discount: Won(5_000)), PaymentStatus.Ready, CouponRedemptionStatus.Reserved, 7).ShouldBeTrue();
        UnpaidOrder.CanReuse(PendingReservation(couponId: 7, discount: Won(5_000)), PaymentStatus.Ready, CouponRedemptionStatus.Released, 7).ShouldBeFalse();
    }

    [Theory]
    [InlineData(PaymentStatus.InProgress)]
    [InlineData(PaymentStatus.WaitingForDeposit)]
    public void ShouldRefuseWithOneCode_WhetherReplacingOrReleasing_GivenAPaymentUnderWay(PaymentStatus payment)
    {
        var order = PendingReservation();

        Should.Throw<DomainException>(() => UnpaidOrder.EnsureReplaceable(order, payment)).Code.ShouldBe(UnpaidOrder.PaymentInProgressCode);
        var released = Should.Throw<DomainException>(() => UnpaidOrder.EndForReleasedHold(order, payment, Now));
        released.Code.ShouldBe(UnpaidOrder.PaymentInProgressCode);
        order.Status.ShouldBe(ReservationStatus.PendingPayment);
    }

    [Fact]
    public void ShouldRefuseToReplace_GivenAnOrderAlreadyPaid()
    {
        Should.Throw<DomainException>(() => UnpaidOrder.EnsureReplaceable(ConfirmedReservation(), PaymentStatus.Done)).Code.ShouldBe("reservation.not_pending");
        UnpaidOrder.EnsureReplaceable(PendingReservation(), PaymentStatus.Ready);
        UnpaidOrder.EnsureReplaceable(PendingReservation(), null);
    }

    [Fact]
    public void ShouldEndTheOrderWithItsReasonAndFreeItsSeats_WhenItsHoldIsReleased()
    {
        var order = PendingReservation();

        UnpaidOrder.EndForReleasedHold(order, PaymentStatus.Ready, Now);

        order.Status.ShouldBe(ReservationStatus.Cancelled);
        order.CancellationReason.ShouldBe(UnpaidOrder.ReleasedReason);
        order.Seats.ShouldAllBe(seat => seat.ActiveRoundSeatId == null);
    }

    [Fact]
    public void ShouldExpireABlockingOrder_OnlyOnceItIsOverdue()
    {
        var order = PendingReservation();

        Should.Throw<DomainException>(() => UnpaidOrder.ExpireBlocking(order, order.PaymentDueAt.AddTicks(-1))).Code.ShouldBe("seat.pending_order");
        order.Status.ShouldBe(ReservationStatus.PendingPayment);

        UnpaidOrder.ExpireBlocking(order, order.PaymentDueAt);

        order.Status.ShouldBe(ReservationStatus.Expired);
        order.Seats.ShouldAllBe(seat => seat.ActiveRoundSeatId == null);
    }
}
