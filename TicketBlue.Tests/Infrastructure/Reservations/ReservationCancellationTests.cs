using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using NSubstitute;
using Shouldly;
using TicketBlue.Domain.Common;
using TicketBlue.Domain.Coupons;
using TicketBlue.Domain.Notifications;
using TicketBlue.Domain.Payments;
using TicketBlue.Domain.Reservations;
using TicketBlue.Domain.Rounds;
using TicketBlue.Infrastructure.Booking;
using TicketBlue.Infrastructure.Notifications.InApp;
using TicketBlue.Tests.Fixtures;

namespace TicketBlue.Tests.Infrastructure.Reservations;

/// <summary>Cancellations on real MariaDB with the demo gateway on real Redis: money moves once, and everything else moves with it or not at all.</summary>
[Trait("Category", "Integration")]
public sealed class ReservationCancellationTests : IClassFixture<BookingDatabase>
{
    private readonly BookingDatabase _booking;
    private readonly FakeTimeProvider _clock = new(DateTimeOffset.FromUnixTimeSeconds(DateTimeOffset.UtcNow.ToUnixTimeSeconds()));
    private readonly CancellationSales _sales;

    public ReservationCancellationTests(BookingDatabase booking)
    {
        _booking = booking;
        _sales = new CancellationSales(booking, _clock);
    }

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ShouldRefundOnceLessTheFee_ReturnSeats_RestoreTheCoupon_AndQueueTheMessages_GivenAWholeCancellation()
    {
        var sale = await _sales.SellAsync(2, couponDiscount: 20_000);
        _clock.Advance(TimeSpan.FromDays(1)); // 6 days before the show: 20%, no longer the booking day.
        var service = _sales.CreateService();

        var quote = (await service.QuoteAsync(sale.UserId, sale.ReservationId, null, Ct))!;
        var result = await service.CancelAsync(sale.UserId, sale.ReservationId, null, "일정이 바뀌었어요", Ct);

        // 220,000 − 20,000 = 200,000 paid; 20% kept.
        quote.Allowed.ShouldBeTrue();
        (quote.Paid, quote.Fee, quote.Refund).ShouldBe((200_000L, 40_000L, 160_000L));
        quote.FeeRule.ShouldBe(RefundFee.Tier(20, 6, 3));
        result.Succeeded.ShouldBeTrue();
        result.Outcome!.Refunded.ShouldBe(160_000);
        result.Outcome.ReservationCancelled.ShouldBeTrue();
        var atGateway = (await _sales.Gateway.GetByPaymentKeyAsync(sale.PaymentKey, Ct)).Value!;
        atGateway.Cancellations.ShouldHaveSingleItem().Amount.ShouldBe(Money.FromWon(160_000));

        await using var context = _booking.Database.CreateContext();
        var reservation = await context.Reservations.Include(r => r.Seats).SingleAsync(r => r.Id == sale.ReservationId, Ct);
        reservation.Status.ShouldBe(ReservationStatus.Cancelled);
        reservation.RefundedAmount.ShouldBe(Money.FromWon(160_000));
        var payment = await context.Payments.Include(p => p.Cancellations).SingleAsync(p => p.ReservationId == sale.ReservationId, Ct);
        (payment.Status, payment.BalanceAmount).ShouldBe((PaymentStatus.PartialCanceled, Money.FromWon(40_000)));
        payment.Cancellations.ShouldHaveSingleItem().Amount.ShouldBe(Money.FromWon(160_000));
        (await context.RoundSeats.Where(seat => sale.RoundSeatIds.Contains(seat.Id)).ToListAsync(Ct)).ShouldAllBe(seat => seat.State == SeatState.Available && seat.ReservationId == null);
        (await context.Coupons.SingleAsync(c => c.Id == sale.CouponId, Ct)).UsedQuantity.ShouldBe(0);
        (await context.CouponRedemptions.SingleAsync(r => r.ReservationId == sale.ReservationId, Ct)).Status.ShouldBe(CouponRedemptionStatus.Released);
        var outbox = await context.Notifications.Where(n => n.DeduplicationKey.Contains($":{sale.ReservationId}:")).ToListAsync(Ct);
        outbox.Select(n => (n.Template, n.Channel)).OrderBy(row => row.Template).ThenBy(row => row.Channel).ShouldBe([
            ("refund-completed", NotificationChannel.Email), ("refund-completed", NotificationChannel.Slack),
            ("reservation-cancelled", NotificationChannel.Email), ("reservation-cancelled", NotificationChannel.Slack)]);
        (await context.IdempotencyRecords.CountAsync(Ct)).ShouldBe(0);

        await _sales.SeatFeed.Received(1).PublishAsync(sale.RoundId, Arg.Is<IReadOnlyList<SeatStatus>>(changes =>
            changes.Count == 2 && changes.All(change => change.State == SeatState.Available && sale.RoundSeatIds.Contains(change.RoundSeatId))));
        await _sales.NoticeFeed.Received(1).PublishAsync(Arg.Is<UserNotice>(notice =>
            notice.UserId == sale.UserId && notice.Kind == UserNoticeKind.ReservationCancelled && notice.ReservationId == sale.ReservationId));
    }

    [Fact]
    public async Task ShouldRefundTheReturnedSeatsShare_AndKeepTheRestAndTheCoupon_GivenAPartialReturn()
    {
        var sale = await _sales.SellAsync(3, couponDiscount: 30_000, couponMinimum: 200_000);
        var service = _sales.CreateService();

        // The booking day: free. 110,000 less its 10,000 share of the discount.
        var result = await service.CancelAsync(sale.UserId, sale.ReservationId, [sale.RoundSeatIds[2]], "한 명이 못 가요", Ct);

        result.Succeeded.ShouldBeTrue();
        result.Outcome!.Refunded.ShouldBe(100_000);
        result.Outcome.ReservationCancelled.ShouldBeFalse();
        (await _sales.Gateway.GetByPaymentKeyAsync(sale.PaymentKey, Ct)).Value!.BalanceAmount.ShouldBe(Money.FromWon(200_000));
        await using var context = _booking.Database.CreateContext();
        var reservation = await context.Reservations.Include(r => r.Seats).SingleAsync(r => r.Id == sale.ReservationId, Ct);
        reservation.Status.ShouldBe(ReservationStatus.Confirmed);
        reservation.ActiveSeats.Select(seat => seat.RoundSeatId).ShouldBe(sale.RoundSeatIds.Take(2), ignoreOrder: true);
        var seats = await context.RoundSeats.Where(seat => sale.RoundSeatIds.Contains(seat.Id)).OrderBy(seat => seat.Id).Select(seat => seat.State).ToListAsync(Ct);
        seats.ShouldBe([SeatState.Sold, SeatState.Sold, SeatState.Available]);
        (await context.Coupons.SingleAsync(c => c.Id == sale.CouponId, Ct)).UsedQuantity.ShouldBe(1);
        (await context.CouponRedemptions.SingleAsync(r => r.ReservationId == sale.ReservationId, Ct)).Status.ShouldBe(CouponRedemptionStatus.Redeemed);
    }

    [Fact]
    public async Task ShouldRefuseAPartialReturnBelowTheCouponMinimum_MovingNothing()
    {
        var sale = await _sales.SellAsync(3, couponDiscount: 30_000, couponMinimum: 300_000);
        var service = _sales.CreateService();

        var quote = (await service.QuoteAsync(sale.UserId, sale.ReservationId, [sale.RoundSeatIds[0]], Ct))!;
        var result = await service.CancelAsync(sale.UserId, sale.ReservationId, [sale.RoundSeatIds[0]], "변경", Ct);

        quote.Allowed.ShouldBeFalse();
        quote.RefusalCode.ShouldBe("cancel.coupon_minimum");
        result.Failure!.Code.ShouldBe("cancel.coupon_minimum");
        result.Failure.Message.ShouldContain("전체 취소를 이용해 주세요");
        await ShouldBeUntouchedAsync(sale);
    }

    [Fact]
    public async Task ShouldRefuseAfterTheCutOff_ButLetAnAdminCancelInFullWithAReason_Audited()
    {
        var sale = await _sales.SellAsync(2);
        var admin = (await _booking.CreateCustomersAsync(1))[0];
        _clock.Advance(TimeSpan.FromDays(7)); // the show's day
        var service = _sales.CreateService();

        var late = await service.CancelAsync(sale.UserId, sale.ReservationId, null, "늦었어요", Ct);
        late.Failure!.Code.ShouldBe("cancel.past_cutoff");
        await ShouldBeUntouchedAsync(sale);
        (await service.CancelByAdminAsync(admin, sale.ReservationId, "  ", Ct)).Failure!.Code.ShouldBe("cancel.reason_required");

        var byAdmin = await service.CancelByAdminAsync(admin, sale.ReservationId, "공연장 사정으로 좌석 변경 불가", Ct);

        byAdmin.Succeeded.ShouldBeTrue();
        byAdmin.Outcome!.Refunded.ShouldBe(sale.Total);
        (await _sales.Gateway.GetByPaymentKeyAsync(sale.PaymentKey, Ct)).Value!.Status.ShouldBe(PaymentStatus.Canceled);
        await using var context = _booking.Database.CreateContext();
        var audit = await context.AuditLog.SingleAsync(entry => entry.EntityType == "Reservation" && entry.EntityId == sale.ReservationId.ToString(System.Globalization.CultureInfo.InvariantCulture), Ct);
        audit.ActorUserId.ShouldBe(admin);
        audit.Action.ShouldBe("reservation.cancelled");
        audit.AfterJson.ShouldNotBeNull().ShouldContain("공연장 사정으로 좌석 변경 불가");
        (await context.Reservations.SingleAsync(r => r.Id == sale.ReservationId, Ct)).CancellationReason.ShouldBe("공연장 사정으로 좌석 변경 불가");
    }

    [Fact]
    public async Task ShouldRefundOnce_GivenTwoCancelsOfTheSameReservationAtOnce()
    {
        var sale = await _sales.SellAsync(2);
        using var start = new Barrier(2);

        var results = await Task.WhenAll(Enumerable.Range(0, 2).Select(_ => Task.Run(
            async () =>
            {
                var service = _sales.CreateService();
                start.SignalAndWait(Ct);
                return await service.CancelAsync(sale.UserId, sale.ReservationId, null, "중복 클릭", Ct);
            },
            Ct)));

        results.Count(result => result.Succeeded).ShouldBe(1);
        results.Single(result => !result.Succeeded).Failure!.Code.ShouldBeOneOf("cancel.changed", "cancel.in_progress", "cancel.not_confirmed");
        (await _sales.Gateway.GetByPaymentKeyAsync(sale.PaymentKey, Ct)).Value!.Cancellations.Count.ShouldBe(1);
        await using var context = _booking.Database.CreateContext();
        (await context.Payments.Include(p => p.Cancellations).SingleAsync(p => p.ReservationId == sale.ReservationId, Ct)).Cancellations.Count.ShouldBe(1);
    }

    [Fact]
    public async Task ShouldChangeNothing_GivenTheGatewayRefusesTheRefund_AndLetALaterCancelThrough()
    {
        var sale = await _sales.SellAsync(2);
        var refusing = Substitute.For<IPaymentGateway>();
        refusing.CancelAsync(default!, default!, default, default!, Ct)
            .ReturnsForAnyArgs(GatewayResult.Fail<GatewayCancellation>(new GatewayFailure("NOT_CANCELABLE_PAYMENT", "취소할 수 없는 결제입니다.", GatewayFailureKind.Rejected)));

        var refused = await _sales.CreateService(refusing).CancelAsync(sale.UserId, sale.ReservationId, null, "변경", Ct);

        refused.Failure!.Code.ShouldBe("cancel.refund_refused");
        refused.Failure.Message.ShouldStartWith("환불이 처리되지 않아 예매를 취소하지 못했습니다.");
        refused.Failure.Message.ShouldNotContain("취소할 수 없는 결제입니다.");
        await ShouldBeUntouchedAsync(sale);
        await _sales.SeatFeed.DidNotReceiveWithAnyArgs().PublishAsync(default, default!);
        (await _sales.CreateService().CancelAsync(sale.UserId, sale.ReservationId, null, "변경", Ct)).Succeeded.ShouldBeTrue();
    }

    [Fact]
    public async Task ShouldRefundOnce_GivenTheFirstAnswerWasLostAndTheCustomerRetries()
    {
        var sale = await _sales.SellAsync(2);
        var lossy = Substitute.For<IPaymentGateway>();
        lossy.CancelAsync(default!, default!, default, default!, Ct).ReturnsForAnyArgs(async call =>
        {
            // The refund happens, but its answer never arrives.
            await _sales.Gateway.CancelAsync(call.ArgAt<string>(0), call.ArgAt<string>(1), call.ArgAt<Money?>(2), call.ArgAt<string>(3), Ct);
            return GatewayResult.Fail<GatewayCancellation>(new GatewayFailure("TIMEOUT", "응답 없음", GatewayFailureKind.UnknownOutcome));
        });

        var lost = await _sales.CreateService(lossy).CancelAsync(sale.UserId, sale.ReservationId, null, "변경", Ct);
        var otherSeats = await _sales.CreateService().CancelAsync(sale.UserId, sale.ReservationId, [sale.RoundSeatIds[0]], "변경", Ct);
        var retry = await _sales.CreateService().CancelAsync(sale.UserId, sale.ReservationId, null, "변경", Ct);

        lost.Failure!.Code.ShouldBe("cancel.refund_unknown");
        otherSeats.Failure!.Code.ShouldBe("cancel.unresolved");
        retry.Succeeded.ShouldBeTrue();
        (await _sales.Gateway.GetByPaymentKeyAsync(sale.PaymentKey, Ct)).Value!.Cancellations.Count.ShouldBe(1);
    }

    [Fact]
    public async Task ShouldCancelWithoutTheGateway_GivenNothingWasPaid()
    {
        var sale = await _sales.SellAsync(1, couponDiscount: 110_000, zeroWonPayment: true);
        var gateway = Substitute.For<IPaymentGateway>();

        var result = await _sales.CreateService(gateway).CancelAsync(sale.UserId, sale.ReservationId, null, "변경", Ct);

        result.Succeeded.ShouldBeTrue();
        result.Outcome!.Refunded.ShouldBe(0);
        await gateway.DidNotReceiveWithAnyArgs().CancelAsync(default!, default!, default, default!, Ct);
        await using var context = _booking.Database.CreateContext();
        (await context.Payments.SingleAsync(p => p.ReservationId == sale.ReservationId, Ct)).Status.ShouldBe(PaymentStatus.Canceled);
        (await context.Coupons.SingleAsync(c => c.Id == sale.CouponId, Ct)).UsedQuantity.ShouldBe(0);
        (await context.Notifications.CountAsync(n => n.DeduplicationKey.StartsWith("refund-completed") && n.DeduplicationKey.Contains($":{sale.ReservationId}:"), Ct)).ShouldBe(0);
    }

    [Fact]
    public async Task ShouldNotShowOrCancelAnotherCustomersReservation()
    {
        var sale = await _sales.SellAsync(1);
        var stranger = (await _booking.CreateCustomersAsync(1))[0];
        var service = _sales.CreateService();

        (await service.QuoteAsync(stranger, sale.ReservationId, null, Ct)).ShouldBeNull();
        (await service.CancelAsync(stranger, sale.ReservationId, null, "남의 예매", Ct)).Failure!.Code.ShouldBe("cancel.not_found");
        await ShouldBeUntouchedAsync(sale);
    }

    private async Task ShouldBeUntouchedAsync(Sale sale)
    {
        await using var context = _booking.Database.CreateContext();
        var reservation = await context.Reservations.Include(r => r.Seats).SingleAsync(r => r.Id == sale.ReservationId, Ct);
        reservation.Status.ShouldBe(ReservationStatus.Confirmed);
        reservation.ActiveSeats.Count().ShouldBe(sale.RoundSeatIds.Count);
        (await context.RoundSeats.Where(seat => sale.RoundSeatIds.Contains(seat.Id)).ToListAsync(Ct)).ShouldAllBe(seat => seat.State == SeatState.Sold);
        (await context.Payments.SingleAsync(p => p.ReservationId == sale.ReservationId, Ct)).Status.ShouldBe(PaymentStatus.Done);
        (await context.Notifications.CountAsync(n => n.DeduplicationKey.Contains($":{sale.ReservationId}:"), Ct)).ShouldBe(0);
        (await _sales.Gateway.GetByPaymentKeyAsync(sale.PaymentKey, Ct)).Value!.Cancellations.Count.ShouldBe(0);
    }
}
