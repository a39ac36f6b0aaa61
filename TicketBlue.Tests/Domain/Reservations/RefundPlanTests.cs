using Shouldly;
using TicketBlue.Domain.Common;
using TicketBlue.Domain.Reservations;
using static TicketBlue.Tests.Domain.Builders;

namespace TicketBlue.Tests.Domain.Reservations;

/// <summary>What a return refunds, and when the rules refuse it: cut-off, coupon minimum, seats not returnable.</summary>
public sealed class RefundPlanTests
{
    private const long CouponId = 7;

    // 9–7 days before the 2026-12-10 show: the 10% step.
    private static readonly DateTimeOffset TenPercentDay = SeoulTime.At(new DateOnly(2026, 12, 2), new TimeOnly(12, 0));

    /// <summary>VIP 110,000 ×2 and R 80,000 with 30,000 off: shares 11,000 / 11,000 / 8,000.</summary>
    private static Reservation WithCoupon() =>
        ConfirmedReservation([Line(1, 110_000), Line(2, 110_000), Line(3, 80_000, R)], CouponId, Won(30_000));

    [Fact]
    public void ShouldRefundEverySeatLessTheStepsFee_GivenAWholeCancellation()
    {
        var plan = RefundPlan.ForCustomer(ConfirmedReservation(), null, RoundStart, null, RefundPolicy.Default, TenPercentDay);

        plan.Allowed.ShouldBeTrue();
        plan.Whole.ShouldBeTrue();
        plan.Lines.Select(line => (line.RoundSeatId, line.Paid.Won, line.Fee.Won, line.Refund.Won)).ShouldBe([(1L, 110_000L, 11_000L, 99_000L), (2L, 110_000L, 11_000L, 99_000L)]);
        (plan.Paid, plan.FeeTotal, plan.Refund).ShouldBe((Won(220_000), Won(22_000), Won(198_000)));
        plan.Fee.ShouldBe(RefundFee.Tier(10, 9, 7));
        plan.CancellableUntil.ShouldBe(SeoulTime.At(new DateOnly(2026, 12, 9), new TimeOnly(17, 0)));
    }

    [Fact]
    public void ShouldRefundThePaidShare_GivenAPartialReturnThatKeepsTheCouponMinimum()
    {
        var plan = RefundPlan.ForCustomer(WithCoupon(), [3], RoundStart, Won(200_000), RefundPolicy.Default, TenPercentDay);

        plan.Allowed.ShouldBeTrue();
        plan.Whole.ShouldBeFalse();
        var line = plan.Lines.ShouldHaveSingleItem();
        (line.Paid, line.Fee, line.Refund).ShouldBe((Won(72_000), Won(7_200), Won(64_800)));
        plan.RefundBySeat.ShouldBe(new Dictionary<long, Money> { [3] = Won(64_800) });
    }

    [Fact]
    public void ShouldRefuseAPartialReturn_GivenTheKeptSeatsFallBelowTheCouponMinimum()
    {
        var plan = RefundPlan.ForCustomer(WithCoupon(), [1], RoundStart, Won(200_000), RefundPolicy.Default, TenPercentDay);

        plan.Allowed.ShouldBeFalse();
        plan.Refusal!.Code.ShouldBe("cancel.coupon_minimum");
        plan.Refusal.Message.ShouldBe("남는 좌석 금액(190,000원)이 적용된 쿠폰의 최소 주문 금액(200,000원)보다 적어 일부 취소할 수 없습니다. 전체 취소를 이용해 주세요.");
        plan.Refund.ShouldBe(Money.Zero);
        plan.Lines.ShouldHaveSingleItem().RoundSeatId.ShouldBe(1);
    }

    [Fact]
    public void ShouldAllowTheWholeCancellation_WhateverTheCouponMinimum()
    {
        var plan = RefundPlan.ForCustomer(WithCoupon(), [1, 2, 3], RoundStart, Won(200_000), RefundPolicy.Default, TenPercentDay);

        plan.Allowed.ShouldBeTrue();
        plan.Whole.ShouldBeTrue();
        plan.Paid.ShouldBe(Won(270_000));
    }

    [Fact]
    public void ShouldBeWhole_GivenTheLastActiveSeatIsReturned()
    {
        var reservation = ConfirmedReservation();
        reservation.CancelSeats(new Dictionary<long, Money> { [1] = Won(110_000) }, "일정 변경", TenPercentDay);

        var plan = RefundPlan.ForCustomer(reservation, [2, 2], RoundStart, null, RefundPolicy.Default, TenPercentDay);

        plan.Whole.ShouldBeTrue();
        plan.Lines.ShouldHaveSingleItem().RoundSeatId.ShouldBe(2);
    }

    [Fact]
    public void ShouldRefuseAfterTheCutOff_StillListingTheSeatsWithNothingBack()
    {
        var plan = RefundPlan.ForCustomer(ConfirmedReservation(), null, RoundStart, null, RefundPolicy.Default, SeoulTime.At(new DateOnly(2026, 12, 9), new TimeOnly(18, 0)));

        plan.Refusal!.Code.ShouldBe("cancel.past_cutoff");
        plan.Lines.Count.ShouldBe(2);
        plan.Refund.ShouldBe(Money.Zero);
    }

    [Theory]
    [InlineData(new long[] { 99 }, "cancel.seat_unknown")]
    [InlineData(new long[] { 1 }, "cancel.seat_cancelled")]
    [InlineData(new long[] { 2 }, "cancel.seat_used")]
    [InlineData(new long[0], "cancel.no_seats")]
    public void ShouldRefuseSeatsThatCannotBeReturned(long[] seats, string code)
    {
        var reservation = ConfirmedReservation([Line(1, 110_000), Line(2, 110_000), Line(3, 110_000)]);
        reservation.CancelSeats(new Dictionary<long, Money> { [1] = Money.Zero }, "변경", TenPercentDay);
        reservation.CheckIn(2, TenPercentDay);

        RefundPlan.ForCustomer(reservation, seats, RoundStart, null, RefundPolicy.Default, TenPercentDay).Refusal!.Code.ShouldBe(code);
    }

    [Fact]
    public void ShouldRefuseAReservationThatIsNotPaid()
    {
        RefundPlan.ForCustomer(PendingReservation(), null, RoundStart, null, RefundPolicy.Default, TenPercentDay).Refusal!.Code.ShouldBe("cancel.not_confirmed");
        RefundPlan.ForAdmin(PendingReservation()).Refusal!.Code.ShouldBe("cancel.not_confirmed");
    }

    [Fact]
    public void ShouldRefundInFullWithoutCutOff_GivenAnAdminCancels()
    {
        var plan = RefundPlan.ForAdmin(WithCoupon());

        plan.Allowed.ShouldBeTrue();
        plan.Whole.ShouldBeTrue();
        plan.FeeTotal.ShouldBe(Money.Zero);
        plan.Refund.ShouldBe(Won(270_000));
        plan.Fee.ShouldBe(RefundFee.None);
        plan.CancellableUntil.ShouldBeNull();
    }

    [Fact]
    public void ShouldLeaveUsedTicketsAlone_GivenAnAdminCancels()
    {
        var reservation = ConfirmedReservation();
        reservation.CheckIn(1, TenPercentDay);

        var plan = RefundPlan.ForAdmin(reservation);
        reservation.CheckIn(2, TenPercentDay);

        plan.Lines.ShouldHaveSingleItem().RoundSeatId.ShouldBe(2);
        plan.Whole.ShouldBeFalse();
        RefundPlan.ForAdmin(reservation).Refusal!.Code.ShouldBe("cancel.seat_used");
    }

    [Fact]
    public void ShouldRefundNothing_GivenASeatPaidWithTheWholeDiscount()
    {
        var reservation = ConfirmedReservation([Line(1, 50_000)], CouponId, Won(50_000));

        var plan = RefundPlan.ForCustomer(reservation, null, RoundStart, Won(0), RefundPolicy.Default, TenPercentDay);

        plan.Allowed.ShouldBeTrue();
        plan.Refund.ShouldBe(Money.Zero);
        plan.Lines.ShouldHaveSingleItem().Paid.ShouldBe(Money.Zero);
    }
}
