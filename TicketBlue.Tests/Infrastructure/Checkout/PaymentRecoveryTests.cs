using Microsoft.EntityFrameworkCore;
using Shouldly;
using TicketBlue.Domain.Common;
using TicketBlue.Domain.Coupons;
using TicketBlue.Domain.Booking;
using TicketBlue.Domain.Payments;
using TicketBlue.Domain.Reservations;
using TicketBlue.Domain.Rounds;
using TicketBlue.Infrastructure.Checkout;
using TicketBlue.Infrastructure.Jobs;
using TicketBlue.Tests.Fixtures;

namespace TicketBlue.Tests.Infrastructure.Checkout;

/// <summary>The recovery step on real MariaDB and Redis: lost answers reconciled, unpaid orders expired.</summary>
[Trait("Category", "Integration")]
public sealed class PaymentRecoveryTests(BookingDatabase booking) : IClassFixture<BookingDatabase>, IAsyncDisposable
{
    private readonly CheckoutHarness _checkout = new(booking);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public ValueTask DisposeAsync() => _checkout.DisposeAsync();

    [Fact]
    public async Task ShouldCompleteTheReservation_WhenAConfirmationWasLeftInProgressButTheGatewaySaysDone()
    {
        var (roundId, seats) = await _checkout.CreateRoundAsync();
        var customer = (await booking.CreateCustomersAsync(1))[0];
        var order = await _checkout.PlaceOrderAsync(customer, roundId, [seats[0], seats[1]]);

        // The node claimed the confirmation and the gateway charged, then the node died before recording it.
        await using (var context = _checkout.Context())
        {
            var payment = await context.Payments.SingleAsync(candidate => candidate.OrderId == order.OrderId, Ct);
            payment.BeginConfirmation(order.PaymentKey, _checkout.Clock.GetUtcNow());
            await context.SaveChangesAsync(Ct);
        }

        (await _checkout.Demo.ConfirmAsync(order.PaymentKey, order.OrderId, Money.FromWon(order.Amount), $"confirm-{order.OrderId}", Ct)).Succeeded.ShouldBeTrue();
        _checkout.Clock.Advance(TimeSpan.FromMinutes(2));

        var run = await _checkout.Recovery.RunOnceAsync(Ct);

        run.Reconciled.ShouldBeGreaterThanOrEqualTo(1);
        _checkout.Gateway.Confirms.ShouldBe(0);
        var (reservation, recorded, hold) = await _checkout.LoadAsync(order);
        reservation.Status.ShouldBe(ReservationStatus.Confirmed);
        recorded.Status.ShouldBe(PaymentStatus.Done);
        hold.Status.ShouldBe(SeatHoldStatus.Converted);
        await using var check = _checkout.Context();
        (await check.RoundSeats.Where(seat => order.SeatIds.Contains(seat.Id)).Select(seat => seat.State).ToListAsync(Ct)).ShouldAllBe(state => state == SeatState.Sold);
        (await _checkout.OutboxAsync($"reservation-confirmed:{order.ReservationId}:")).Count.ShouldBe(2);
    }

    [Fact]
    public async Task ShouldLeaveAFreshConfirmationAlone_AndFailOneTheGatewayNeverSaw()
    {
        var (roundId, seats) = await _checkout.CreateRoundAsync();
        var customer = (await booking.CreateCustomersAsync(1))[0];
        var order = await _checkout.PlaceOrderAsync(customer, roundId, [seats[2]]);
        await using (var context = _checkout.Context())
        {
            var payment = await context.Payments.SingleAsync(candidate => candidate.OrderId == order.OrderId, Ct);
            payment.BeginConfirmation("pk_never_seen_by_the_gateway", _checkout.Clock.GetUtcNow());
            await context.SaveChangesAsync(Ct);
        }

        // A demo order key exists for this order: make the gateway not know this order at all.
        await booking.Redis.GetDatabase().KeyDeleteAsync($"tb:demo-payments:order:{order.OrderId}");

        await _checkout.Recovery.RunOnceAsync(Ct);
        (await _checkout.LoadAsync(order)).Payment.Status.ShouldBe(PaymentStatus.InProgress);

        _checkout.Clock.Advance(TimeSpan.FromMinutes(2));
        await _checkout.Recovery.RunOnceAsync(Ct);

        var (reservation, payment2, _) = await _checkout.LoadAsync(order);
        payment2.Status.ShouldBe(PaymentStatus.Aborted);
        reservation.Status.ShouldBe(ReservationStatus.PendingPayment);
    }

    [Fact]
    public async Task ShouldExpireAnUnpaidOrderPastDue_GivingBackItsCouponUseAndSeats()
    {
        var (roundId, seats) = await _checkout.CreateRoundAsync();
        var customer = (await booking.CreateCustomersAsync(1))[0];
        var couponId = await _checkout.CreateCouponAsync();
        var order = await _checkout.PlaceOrderAsync(customer, roundId, [seats[3], seats[4]], couponId);

        await _checkout.Recovery.RunOnceAsync(Ct);
        (await _checkout.LoadAsync(order)).Reservation.Status.ShouldBe(ReservationStatus.PendingPayment);

        _checkout.Clock.Advance(HoldPolicy.Default.HoldDuration + TimeSpan.FromMinutes(3));
        var run = await _checkout.Recovery.RunOnceAsync(Ct);

        run.Expired.ShouldBeGreaterThanOrEqualTo(1);
        var (reservation, payment, hold) = await _checkout.LoadAsync(order);
        reservation.Status.ShouldBe(ReservationStatus.Expired);
        reservation.Seats.ShouldAllBe(seat => seat.ActiveRoundSeatId == null);
        payment.Status.ShouldBe(PaymentStatus.Expired);
        hold.Status.ShouldBe(SeatHoldStatus.Expired);
        await using var context = _checkout.Context();
        (await context.CouponRedemptions.SingleAsync(redemption => redemption.ReservationId == order.ReservationId, Ct)).Status.ShouldBe(CouponRedemptionStatus.Released);
        (await context.Coupons.SingleAsync(coupon => coupon.Id == couponId, Ct)).UsedQuantity.ShouldBe(0);
        (await context.RoundSeats.Where(seat => order.SeatIds.Contains(seat.Id)).Select(seat => seat.State).ToListAsync(Ct)).ShouldAllBe(state => state == SeatState.Available);
    }

    [Fact]
    public async Task ShouldRefundACharge_WhoseOrderWasNeverConfirmed()
    {
        var (roundId, seats) = await _checkout.CreateRoundAsync();
        var customer = (await booking.CreateCustomersAsync(1))[0];
        var order = await _checkout.PlaceOrderAsync(customer, roundId, [seats[5]]);
        var approval = (await _checkout.Demo.ConfirmAsync(order.PaymentKey, order.OrderId, Money.FromWon(order.Amount), $"confirm-{order.OrderId}", Ct)).Value!;

        // Charged and the order ended, but the node died before the refund went out.
        await using (var context = _checkout.Context())
        {
            var payment = await context.Payments.SingleAsync(candidate => candidate.OrderId == order.OrderId, Ct);
            payment.BeginConfirmation(order.PaymentKey, _checkout.Clock.GetUtcNow());
            payment.Approve(approval);
            var reservation = await context.Reservations.Include(candidate => candidate.Seats).SingleAsync(candidate => candidate.Id == order.ReservationId, Ct);
            reservation.Abandon("좌석 판매 불가로 자동 취소", _checkout.Clock.GetUtcNow());
            await context.SaveChangesAsync(Ct);
        }

        var run = await _checkout.Recovery.RunOnceAsync(Ct);

        run.Refunded.ShouldBeGreaterThanOrEqualTo(1);
        var (_, refunded, _) = await _checkout.LoadAsync(order);
        refunded.Status.ShouldBe(PaymentStatus.Canceled);
        refunded.Cancellations.ShouldHaveSingleItem();
        (await _checkout.Demo.GetByOrderIdAsync(order.OrderId, Ct)).Value!.Status.ShouldBe(PaymentStatus.Canceled);
    }

    [Fact]
    public async Task ShouldSettleAsTheBatchJobInOneChunk_CountingTheOrdersItSettled()
    {
        var (roundId, seats) = await _checkout.CreateRoundAsync();
        var customer = (await booking.CreateCustomersAsync(1))[0];
        var order = await _checkout.PlaceOrderAsync(customer, roundId, [seats[6]]);
        _checkout.Clock.Advance(HoldPolicy.Default.HoldDuration + TimeSpan.FromMinutes(3));
        var job = new PaymentRecoveryJob(_checkout.Recovery);

        var chunk = await job.RunChunkAsync(new JobRunContext(1, _checkout.Clock.GetUtcNow(), null), Ct);

        job.Key.ShouldBe("payment-recovery");
        chunk.Done.ShouldBeTrue();
        chunk.Rows.ShouldBeGreaterThanOrEqualTo(1);
        (await _checkout.LoadAsync(order)).Reservation.Status.ShouldBe(ReservationStatus.Expired);
    }
}
