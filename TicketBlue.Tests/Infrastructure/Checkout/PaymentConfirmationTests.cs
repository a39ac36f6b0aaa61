using Microsoft.EntityFrameworkCore;
using Shouldly;
using TicketBlue.Domain.Common;
using TicketBlue.Domain.Coupons;
using TicketBlue.Domain.Booking;
using TicketBlue.Domain.Payments;
using TicketBlue.Domain.Reservations;
using TicketBlue.Domain.Rounds;
using TicketBlue.Infrastructure.Checkout;
using TicketBlue.Infrastructure.Payments;
using TicketBlue.Tests.Fixtures;

namespace TicketBlue.Tests.Infrastructure.Checkout;

/// <summary>The success and failure redirects on real MariaDB and Redis, with the demo gateway counted.</summary>
[Trait("Category", "Integration")]
public sealed class PaymentConfirmationTests(BookingDatabase booking) : IClassFixture<BookingDatabase>, IAsyncDisposable
{
    private readonly CheckoutHarness _checkout = new(booking);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public ValueTask DisposeAsync() => _checkout.DisposeAsync();

    [Fact]
    public async Task ShouldConfirmOnce_SellingSeatsConvertingTheHoldRedeemingTheCouponAndQueueingMailOnce()
    {
        var (roundId, seats) = await _checkout.CreateRoundAsync();
        var customer = (await booking.CreateCustomersAsync(1))[0];
        var couponId = await _checkout.CreateCouponAsync();
        var order = await _checkout.PlaceOrderAsync(customer, roundId, [seats[0], seats[1]], couponId);
        _checkout.Clock.Advance(TimeSpan.FromMinutes(1));

        var result = await _checkout.NewConfirmationService().ConfirmAsync(customer, new PaymentConfirmation(order.PaymentKey, order.OrderId, order.Amount), Ct);
        var again = await _checkout.NewConfirmationService().ConfirmAsync(customer, new PaymentConfirmation(order.PaymentKey, order.OrderId, order.Amount), Ct);

        result.Value.ShouldNotBeNull().ReservationId.ShouldBe(order.ReservationId);
        result.Value.AlreadyConfirmed.ShouldBeFalse();
        again.Value.ShouldNotBeNull().AlreadyConfirmed.ShouldBeTrue();
        _checkout.Gateway.Confirms.ShouldBe(1);
        var (reservation, payment, hold) = await _checkout.LoadAsync(order);
        reservation.Status.ShouldBe(ReservationStatus.Confirmed);
        payment.Status.ShouldBe(PaymentStatus.Done);
        payment.PaymentKey.ShouldBe(order.PaymentKey);
        hold.Status.ShouldBe(SeatHoldStatus.Converted);
        hold.ReservationId.ShouldBe(order.ReservationId);
        await using var context = _checkout.Context();
        var sold = await context.RoundSeats.AsNoTracking().Where(seat => order.SeatIds.Contains(seat.Id)).ToListAsync(Ct);
        sold.ShouldAllBe(seat => seat.State == SeatState.Sold && seat.ReservationId == order.ReservationId && seat.HoldId == null);
        (await context.CouponRedemptions.SingleAsync(redemption => redemption.ReservationId == order.ReservationId, Ct)).Status.ShouldBe(CouponRedemptionStatus.Redeemed);
        (await _checkout.OutboxAsync($"reservation-confirmed:{order.ReservationId}:")).ShouldBe(["reservation-confirmed/Email", "reservation-confirmed/Slack"], ignoreOrder: true);
    }

    [Fact]
    public async Task ShouldConfirmAFreeOrderWithoutTheGateway_SellingTheSeatsAndRedeemingTheCoupon()
    {
        var (roundId, seats) = await _checkout.CreateRoundAsync();
        var customer = (await booking.CreateCustomersAsync(1))[0];
        var couponId = await _checkout.CreateCouponAsync();
        var order = await _checkout.PlaceFreeOrderAsync(customer, roundId, [seats[3]], couponId);

        var result = await _checkout.NewConfirmationService().ConfirmAsync(customer, new PaymentConfirmation(order.PaymentKey, order.OrderId, 0), Ct);

        result.Value.ShouldNotBeNull().ReservationId.ShouldBe(order.ReservationId);
        _checkout.Gateway.Confirms.ShouldBe(0);
        var (reservation, payment, hold) = await _checkout.LoadAsync(order);
        reservation.Status.ShouldBe(ReservationStatus.Confirmed);
        (payment.Status, payment.Provider, payment.Amount, payment.Method).ShouldBe((PaymentStatus.Done, PaymentProvider.Free, Money.Zero, FreeOrderGateway.Method));
        hold.Status.ShouldBe(SeatHoldStatus.Converted);
        await using var context = _checkout.Context();
        (await context.RoundSeats.AsNoTracking().SingleAsync(seat => seat.Id == seats[3], Ct)).State.ShouldBe(SeatState.Sold);
        (await context.CouponRedemptions.SingleAsync(redemption => redemption.ReservationId == order.ReservationId, Ct)).Status.ShouldBe(CouponRedemptionStatus.Redeemed);
    }

    [Fact]
    public async Task ShouldRefuseTheFreeKeyAndChargeNothing_GivenAnOrderThatHasAnAmount()
    {
        var (roundId, seats) = await _checkout.CreateRoundAsync();
        var customer = (await booking.CreateCustomersAsync(1))[0];
        var order = await _checkout.PlaceOrderAsync(customer, roundId, [seats[4]]);

        var result = await _checkout.NewConfirmationService().ConfirmAsync(customer, new PaymentConfirmation(FreeOrder.PaymentKey(order.OrderId), order.OrderId, order.Amount), Ct);

        result.Failure.ShouldNotBeNull();
        _checkout.Gateway.Confirms.ShouldBe(0);
        var (reservation, payment, _) = await _checkout.LoadAsync(order);
        reservation.Status.ShouldBe(ReservationStatus.PendingPayment);
        payment.Status.ShouldNotBe(PaymentStatus.Done);
        await using var context = _checkout.Context();
        (await context.RoundSeats.AsNoTracking().SingleAsync(seat => seat.Id == seats[4], Ct)).State.ShouldNotBe(SeatState.Sold);
    }

    [Fact]
    public async Task ShouldChargeOnceAndGiveEveryCallerTheSameReservation_GivenTwentyIdenticalConfirmsAtOnce()
    {
        var (roundId, seats) = await _checkout.CreateRoundAsync();
        var customer = (await booking.CreateCustomersAsync(1))[0];
        var order = await _checkout.PlaceOrderAsync(customer, roundId, [seats[2]]);
        var confirmation = new PaymentConfirmation(order.PaymentKey, order.OrderId, order.Amount);
        using var start = new ManualResetEventSlim();

        var calls = Enumerable.Range(0, 20).Select(_ => Task.Run(
            async () =>
            {
                var service = _checkout.NewConfirmationService();
                start.Wait(Ct);
                return await service.ConfirmAsync(customer, confirmation, Ct);
            },
            Ct)).ToList();
        start.Set();
        var results = await Task.WhenAll(calls);

        results.ShouldAllBe(result => result.Succeeded);
        results.Select(result => result.Value!.ReservationId).Distinct().ShouldBe([order.ReservationId]);
        results.Count(result => !result.Value!.AlreadyConfirmed).ShouldBe(1);
        _checkout.Gateway.Confirms.ShouldBe(1);
        await using var context = _checkout.Context();
        (await context.Reservations.CountAsync(reservation => reservation.SeatHoldId == order.HoldId, Ct)).ShouldBe(1);
        (await _checkout.OutboxAsync($"reservation-confirmed:{order.ReservationId}:")).Count.ShouldBe(2);
    }

    [Fact]
    public async Task ShouldRefuseATamperedAmount_WithoutAskingTheGateway()
    {
        var (roundId, seats) = await _checkout.CreateRoundAsync();
        var customer = (await booking.CreateCustomersAsync(1))[0];
        var order = await _checkout.PlaceOrderAsync(customer, roundId, [seats[3]]);

        var result = await _checkout.NewConfirmationService().ConfirmAsync(customer, new PaymentConfirmation(order.PaymentKey, order.OrderId, 100), Ct);

        result.Failure.ShouldNotBeNull().Code.ShouldBe("payment.amount_mismatch");
        _checkout.Gateway.Confirms.ShouldBe(0);
        (await _checkout.LoadAsync(order)).Payment.Status.ShouldBe(PaymentStatus.Ready);
    }

    [Fact]
    public async Task ShouldTreatSomeoneElsesOrderAsMissing()
    {
        var (roundId, seats) = await _checkout.CreateRoundAsync();
        var customers = await booking.CreateCustomersAsync(2);
        var order = await _checkout.PlaceOrderAsync(customers[0], roundId, [seats[4]]);

        var result = await _checkout.NewConfirmationService().ConfirmAsync(customers[1], new PaymentConfirmation(order.PaymentKey, order.OrderId, order.Amount), Ct);

        result.Failure.ShouldNotBeNull().Code.ShouldBe("payment.not_found");
        _checkout.Gateway.Confirms.ShouldBe(0);
    }

    [Fact]
    public async Task ShouldRefuseWithoutAskingTheGateway_GivenThePaymentKeyOfAnotherPaidOrder()
    {
        var (roundId, seats) = await _checkout.CreateRoundAsync();
        var customer = (await booking.CreateCustomersAsync(1))[0];
        var paid = await _checkout.PlaceOrderAsync(customer, roundId, [seats[0]]);
        (await _checkout.NewConfirmationService().ConfirmAsync(customer, new PaymentConfirmation(paid.PaymentKey, paid.OrderId, paid.Amount), Ct)).Succeeded.ShouldBeTrue();
        var unpaid = await _checkout.PlaceOrderAsync(customer, roundId, [seats[1]]);
        var confirmsBefore = _checkout.Gateway.Confirms;

        var reused = await _checkout.NewConfirmationService().ConfirmAsync(customer, new PaymentConfirmation(paid.PaymentKey, unpaid.OrderId, unpaid.Amount), Ct);

        reused.Failure!.Code.ShouldBe("payment.key_mismatch");
        _checkout.Gateway.Confirms.ShouldBe(confirmsBefore);
        (await _checkout.LoadAsync(paid)).Payment.Status.ShouldBe(PaymentStatus.Done);
        var (reservation, payment, _) = await _checkout.LoadAsync(unpaid);
        reservation.Status.ShouldBe(ReservationStatus.PendingPayment);
        payment.Status.ShouldBe(PaymentStatus.Ready);

        // The order can still be paid with its own key.
        (await _checkout.NewConfirmationService().ConfirmAsync(customer, new PaymentConfirmation(unpaid.PaymentKey, unpaid.OrderId, unpaid.Amount), Ct)).Succeeded.ShouldBeTrue();
    }

    [Fact]
    public async Task ShouldRefuseAndLeaveTheOrderPayable_WhenTheGatewaySaysAlreadyProcessedForAnotherOrdersPayment()
    {
        var (roundId, seats) = await _checkout.CreateRoundAsync();
        var customer = (await booking.CreateCustomersAsync(1))[0];
        var order = await _checkout.PlaceOrderAsync(customer, roundId, [seats[2]]);

        // A payment the gateway confirmed for another order (not ours to know), its key sent with this order.
        var otherOrderId = $"OTHER-{Guid.NewGuid():N}"[..20];
        var otherKey = await _checkout.Demo.CreateDemoPaymentAsync(otherOrderId, Money.FromWon(order.Amount), succeed: true, Ct);
        (await _checkout.Demo.ConfirmAsync(otherKey, otherOrderId, Money.FromWon(order.Amount), $"confirm-{otherOrderId}", Ct)).Succeeded.ShouldBeTrue();
        _checkout.Gateway.ConfirmFailure = new GatewayFailure("ALREADY_PROCESSED_PAYMENT", "이미 처리된 결제입니다.", GatewayFailureKind.AlreadyProcessed);

        var result = await _checkout.NewConfirmationService().ConfirmAsync(customer, new PaymentConfirmation(otherKey, order.OrderId, order.Amount), Ct);

        result.Failure!.Code.ShouldBe("payment.key_mismatch");
        var (reservation, payment, _) = await _checkout.LoadAsync(order);
        reservation.Status.ShouldBe(ReservationStatus.PendingPayment);
        payment.Status.ShouldBe(PaymentStatus.Aborted);
        (await _checkout.OutboxAsync($"payment-failed:{order.OrderId}:")).ShouldBeEmpty();

        _checkout.Gateway.ConfirmFailure = null;
        (await _checkout.NewConfirmationService().ConfirmAsync(customer, new PaymentConfirmation(order.PaymentKey, order.OrderId, order.Amount), Ct)).Succeeded.ShouldBeTrue();
    }

    [Fact]
    public async Task ShouldRefuseWithoutCharging_NamingTheSeat_WhenTheHoldRanOutAndAnotherCustomerHoldsIt()
    {
        var (roundId, seats) = await _checkout.CreateRoundAsync();
        var customers = await booking.CreateCustomersAsync(2);
        var order = await _checkout.PlaceOrderAsync(customers[0], roundId, [seats[0], seats[1]]);
        _checkout.Clock.Advance(HoldPolicy.Default.HoldDuration + TimeSpan.FromMinutes(1));
        (await _checkout.Holds.HoldAsync(customers[1], roundId, [seats[1]], Ct)).Succeeded.ShouldBeTrue();

        var result = await _checkout.NewConfirmationService().ConfirmAsync(customers[0], new PaymentConfirmation(order.PaymentKey, order.OrderId, order.Amount), Ct);

        var failure = result.Failure.ShouldNotBeNull();
        failure.Code.ShouldBe("checkout.seat_lost");
        failure.LostSeats.Select(seat => seat.RoundSeatId).ShouldBe([seats[1]]);
        failure.Message.ShouldContain("1층 A구역 1열 2번");
        failure.Message.ShouldContain("결제는 진행되지 않았습니다");
        _checkout.Gateway.Confirms.ShouldBe(0);
        var (reservation, payment, _) = await _checkout.LoadAsync(order);
        payment.Status.ShouldBe(PaymentStatus.Aborted);
        reservation.Status.ShouldBe(ReservationStatus.PendingPayment);
        await using var context = _checkout.Context();
        (await context.RoundSeats.SingleAsync(seat => seat.Id == seats[0], Ct)).State.ShouldNotBe(SeatState.Sold);
    }

    [Fact]
    public async Task ShouldConfirm_WhenTheHoldRanOutButNobodyTookTheSeats()
    {
        var (roundId, seats) = await _checkout.CreateRoundAsync();
        var customer = (await booking.CreateCustomersAsync(1))[0];
        var order = await _checkout.PlaceOrderAsync(customer, roundId, [seats[5], seats[6]]);
        _checkout.Clock.Advance(HoldPolicy.Default.HoldDuration + TimeSpan.FromMinutes(1));

        var result = await _checkout.NewConfirmationService().ConfirmAsync(customer, new PaymentConfirmation(order.PaymentKey, order.OrderId, order.Amount), Ct);

        result.Value.ShouldNotBeNull().ReservationId.ShouldBe(order.ReservationId);
        var (reservation, _, hold) = await _checkout.LoadAsync(order);
        reservation.Status.ShouldBe(ReservationStatus.Confirmed);
        hold.Status.ShouldBe(SeatHoldStatus.Converted);
    }

    [Fact]
    public async Task ShouldCancelThePaymentAndNameTheSeat_WhenAnotherCustomerTakesItWhileTheGatewayAnswers()
    {
        var (roundId, seats) = await _checkout.CreateRoundAsync();
        var customers = await booking.CreateCustomersAsync(2);
        var couponId = await _checkout.CreateCouponAsync();
        var order = await _checkout.PlaceOrderAsync(customers[0], roundId, [seats[7], seats[8]], couponId);
        _checkout.Gateway.DuringConfirm = async () =>
        {
            // The gateway took longer than the hold and its grace; meanwhile someone else took a seat.
            _checkout.Clock.Advance(HoldPolicy.Default.HoldDuration + TimeSpan.FromMinutes(3));
            (await _checkout.Holds.HoldAsync(customers[1], roundId, [seats[8]], Ct)).Succeeded.ShouldBeTrue();
        };

        var result = await _checkout.NewConfirmationService().ConfirmAsync(customers[0], new PaymentConfirmation(order.PaymentKey, order.OrderId, order.Amount), Ct);

        var failure = result.Failure.ShouldNotBeNull();
        failure.Code.ShouldBe("checkout.seat_lost");
        failure.LostSeats.Select(seat => seat.RoundSeatId).ShouldBe([seats[8]]);
        failure.Message.ShouldContain("자동 취소");
        _checkout.Gateway.Cancels.ShouldBe(1);
        var (reservation, payment, hold) = await _checkout.LoadAsync(order);
        payment.Status.ShouldBe(PaymentStatus.Canceled);
        payment.BalanceAmount.Won.ShouldBe(0);
        payment.Cancellations.ShouldHaveSingleItem().Reason.ShouldBe("좌석 판매 불가로 자동 취소");
        reservation.Status.ShouldBe(ReservationStatus.Cancelled);
        reservation.ConfirmedAt.ShouldBeNull();
        hold.Status.ShouldBe(SeatHoldStatus.Expired);
        (await _checkout.Demo.GetByOrderIdAsync(order.OrderId, Ct)).Value!.Status.ShouldBe(PaymentStatus.Canceled);
        await using var context = _checkout.Context();
        (await context.RoundSeats.SingleAsync(seat => seat.Id == seats[7], Ct)).State.ShouldBe(SeatState.Available);
        (await context.RoundSeats.SingleAsync(seat => seat.Id == seats[8], Ct)).HeldByUserId.ShouldBe(customers[1]);
        (await context.CouponRedemptions.SingleAsync(redemption => redemption.ReservationId == order.ReservationId, Ct)).Status.ShouldBe(CouponRedemptionStatus.Released);
        (await context.Coupons.SingleAsync(coupon => coupon.Id == couponId, Ct)).UsedQuantity.ShouldBe(0);
        (await _checkout.OutboxAsync($"payment-failed:{order.OrderId}:")).ShouldBe(["payment-failed/Email", "payment-failed/Slack"], ignoreOrder: true);
    }

    [Fact]
    public async Task ShouldFailThePaymentWithTheGatewaysMessage_WhenTheCardIsDeclined()
    {
        var (roundId, seats) = await _checkout.CreateRoundAsync();
        var customer = (await booking.CreateCustomersAsync(1))[0];
        var order = await _checkout.PlaceOrderAsync(customer, roundId, [seats[9]]);
        var declinedKey = await _checkout.Demo.CreateDemoPaymentAsync(order.OrderId, Money.FromWon(order.Amount), succeed: false, Ct);

        var result = await _checkout.NewConfirmationService().ConfirmAsync(customer, new PaymentConfirmation(declinedKey, order.OrderId, order.Amount), Ct);

        var failure = result.Failure.ShouldNotBeNull();
        failure.Code.ShouldBe("payment.rejected");
        // Our sentence for the gateway's code, never the gateway's own text.
        failure.Message.ShouldBe("카드사에서 결제를 거절했습니다. 한도나 잔액을 확인하거나 다른 카드로 결제해 주세요.");
        var (reservation, payment, _) = await _checkout.LoadAsync(order);
        payment.Status.ShouldBe(PaymentStatus.Aborted);
        payment.FailureCode.ShouldBe("REJECT_CARD_PAYMENT");
        reservation.Status.ShouldBe(ReservationStatus.PendingPayment);
        (await _checkout.OutboxAsync($"payment-failed:{order.OrderId}:")).ShouldBe(["payment-failed/Email", "payment-failed/Slack"], ignoreOrder: true);
    }

    [Fact]
    public async Task ShouldLetTheCustomerRetry_AfterClosingThePaymentWindow_WithoutMail()
    {
        var (roundId, seats) = await _checkout.CreateRoundAsync();
        var customer = (await booking.CreateCustomersAsync(1))[0];
        var order = await _checkout.PlaceOrderAsync(customer, roundId, [seats[0]]);
        var service = _checkout.NewConfirmationService();

        var failed = await service.RecordFailureAsync(customer, new PaymentFailureReport(order.OrderId, "PAY_PROCESS_CANCELED", "사용자에 의해 결제가 취소되었습니다."), Ct);

        var value = failed.Value.ShouldNotBeNull();
        value.CanRetry.ShouldBeTrue();
        value.HoldId.ShouldBe(order.HoldId);
        (await _checkout.LoadAsync(order)).Payment.Status.ShouldBe(PaymentStatus.Aborted);
        (await _checkout.OutboxAsync(order.OrderId)).ShouldBeEmpty();

        var retried = await service.ConfirmAsync(customer, new PaymentConfirmation(order.PaymentKey, order.OrderId, order.Amount), Ct);
        retried.Value.ShouldNotBeNull().ReservationId.ShouldBe(order.ReservationId);
    }

    [Fact]
    public async Task ShouldQueueTheFailureOnce_WhenTheFailureRedirectRepeats()
    {
        var (roundId, seats) = await _checkout.CreateRoundAsync();
        var customer = (await booking.CreateCustomersAsync(1))[0];
        var order = await _checkout.PlaceOrderAsync(customer, roundId, [seats[1]]);
        var report = new PaymentFailureReport(order.OrderId, "REJECT_CARD_COMPANY", "카드사에서 결제를 승인하지 않았습니다.");

        await _checkout.NewConfirmationService().RecordFailureAsync(customer, report, Ct);
        var again = await _checkout.NewConfirmationService().RecordFailureAsync(customer, report, Ct);

        again.Value.ShouldNotBeNull().Message.ShouldBe("카드사에서 결제를 승인하지 않았습니다. 카드사에 문의하거나 다른 카드로 결제해 주세요.");
        (await _checkout.OutboxAsync($"payment-failed:{order.OrderId}:")).Count.ShouldBe(2);
    }

    [Fact]
    public async Task ShouldShowAndMailOnlyOurSentence_GivenATamperedFailureRedirect()
    {
        var (roundId, seats) = await _checkout.CreateRoundAsync();
        var customer = (await booking.CreateCustomersAsync(1))[0];
        var order = await _checkout.PlaceOrderAsync(customer, roundId, [seats[3]]);
        var planted = "환불은 http://phishing.example 에서 받으세요";

        var failed = await _checkout.NewConfirmationService().RecordFailureAsync(customer, new PaymentFailureReport(order.OrderId, "<script>", planted), Ct);

        var value = failed.Value.ShouldNotBeNull();
        value.Code.ShouldBe("payment.failed");
        value.Message.ShouldBe("결제가 완료되지 않았습니다. 다시 시도하거나 다른 결제 수단을 이용해 주세요.");
        await using var context = _checkout.Context();
        var payloads = await context.Notifications.Where(notification => notification.DeduplicationKey.StartsWith($"payment-failed:{order.OrderId}:")).Select(notification => notification.PayloadJson).ToListAsync(Ct);
        payloads.Count.ShouldBe(2);
        payloads.ShouldAllBe(payload => !payload.Contains("phishing"));
        (await _checkout.LoadAsync(order)).Payment.FailureMessage.ShouldNotBeNull().ShouldNotContain("phishing");
    }
}
