using Shouldly;
using TicketBlue.Domain.Common;
using TicketBlue.Domain.Booking;
using TicketBlue.Domain.Performances;
using TicketBlue.Domain.Payments;
using TicketBlue.Domain.Reservations;
using TicketBlue.Domain.Reviews;
using TicketBlue.Domain.Rounds;
using TicketBlue.Domain.Venues;
using static TicketBlue.Tests.Domain.Builders;

namespace TicketBlue.Tests.Domain;

/// <summary>Rules added after the first review of the model: each closes a gap the review found.</summary>
[Trait("Category", "Unit")]
public sealed class RuleHardeningTests
{
    private static readonly DateTimeOffset Now = DomainTestClock.Now;

    [Fact]
    public void ShouldRefuseAReservationThatRepeatsOneHeldSeatAndDropsAnother()
    {
        var hold = ActiveHold([1, 2]);

        Should.Throw<DomainException>(() => Reservation.CreateFromHold(hold, PerformanceId, [Line(1, 110_000), Line(1, 110_000)], null, Money.Zero, ReservationNo, Now))
            .Code.ShouldBe("reservation.seats_mismatch");
    }

    [Fact]
    public void ShouldChangeNothing_GivenOneSeatOfACancellationIsRefused()
    {
        var reservation = ConfirmedReservation();
        var refunds = new Dictionary<long, Money> { [1] = Won(110_000), [2] = Won(999_999) };

        Should.Throw<DomainException>(() => reservation.CancelSeats(refunds, "단순 변심", Now.AddDays(1))).Code.ShouldBe("reservation.refund_too_large");

        reservation.ActiveSeats.Count().ShouldBe(2);
        reservation.RefundedAmount.ShouldBe(Money.Zero);
    }

    [Fact]
    public void ShouldRefuseToCancelASeat_GivenItsTicketWasAlreadyUsed()
    {
        var reservation = ConfirmedReservation();
        reservation.CheckIn(1, RoundStart.AddMinutes(-20));

        Should.Throw<DomainException>(() => reservation.CancelSeats(new Dictionary<long, Money> { [1] = Money.Zero }, "환불 요청", RoundStart))
            .Code.ShouldBe("reservation.seat_used");
    }

    [Fact]
    public void ShouldRefuseToExpire_GivenThePaymentIsStillDue()
    {
        var reservation = PendingReservation();

        Should.Throw<DomainException>(() => reservation.Expire(reservation.PaymentDueAt.AddSeconds(-1))).Code.ShouldBe("reservation.not_overdue");
        reservation.Status.ShouldBe(ReservationStatus.PendingPayment);
    }

    [Fact]
    public void ShouldEndAHoldWhenSalesClose_GivenSalesCloseBeforeTheHoldDurationRunsOut()
    {
        var round = RoundOnSale();
        var lastMinute = round.SalesWindow.End.AddMinutes(-3);

        var hold = SeatHold.Start(round, PerformanceStatus.Published, new HoldCustomer(Customer, EmailConfirmed: true), [1], 0, lastMinute);

        hold.ExpiresAt.ShouldBe(round.SalesWindow.End);
        Should.Throw<DomainException>(() => hold.Extend(round.HoldPolicy, lastMinute.AddMinutes(1))).Code.ShouldBe("hold.no_more_extensions");
    }

    [Fact]
    public void ShouldRefuseANegativeCountOfOwnedSeats() =>
        Should.Throw<ArgumentOutOfRangeException>(() => SeatHold.Start(RoundOnSale(), PerformanceStatus.Published, new HoldCustomer(Customer, EmailConfirmed: true), [1], -3, Now));

    [Fact]
    public void ShouldRefuseToChangeTheTicketLimit_GivenACancelledRound()
    {
        var round = RoundOnSale();
        round.Cancel("출연진 사정", RoundSales.None);

        Should.Throw<DomainException>(() => round.ChangeTicketLimit(2)).Code.ShouldBe("round.cancelled");
    }

    [Fact]
    public void ShouldRefuseAReview_GivenTheRoundWasCancelled()
    {
        var round = RoundOnSale();
        var reservation = ConfirmedReservation();
        round.Cancel("공연장 사정", RoundSales.None);

        Should.Throw<DomainException>(() => Review.Write(reservation, round, Customer, 5, "좋았어요 정말로", RoundStart.AddHours(3)))
            .Code.ShouldBe("review.round_cancelled");
    }

    [Fact]
    public void ShouldRefuseAReplayedApproval_GivenADifferentAmount()
    {
        var payment = Payment.Create(ReservationId, "order-000001", "레미제라블 2매", PaymentProvider.Toss, Won(220_000), Now);
        payment.Approve(new GatewayApproval("pay_1", "카드", Won(220_000), null, null, Now, Now, null));

        payment.Approve(new GatewayApproval("pay_1", "카드", Won(220_000), null, null, Now, Now, null));

        Should.Throw<DomainException>(() => payment.Approve(new GatewayApproval("pay_1", "카드", Won(1_000), null, null, Now, Now, null)))
            .Code.ShouldBe("payment.state");
        payment.Status.ShouldBe(PaymentStatus.Done);
    }

    [Fact]
    public void ShouldNameBasementFloorsTheKoreanWay() =>
        SeatLabel.Format(-1, "A", "3", 7).ShouldBe("지하 1층 A구역 3열 7번");

    [Fact]
    public void ShouldRefuseToMoveARunIntoThePast()
    {
        var performance = DraftPerformance();

        Should.Throw<DomainException>(() => performance.Reschedule(new DateSpan(SeoulTime.DateOf(Now).AddDays(-3), new DateOnly(2026, 12, 31)), [], Now))
            .Code.ShouldBe("performance.run");
    }
}
