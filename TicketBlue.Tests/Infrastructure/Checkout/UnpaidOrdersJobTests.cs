using Microsoft.EntityFrameworkCore;
using Shouldly;
using TicketBlue.Domain.Coupons;
using TicketBlue.Domain.Booking;
using TicketBlue.Domain.Payments;
using TicketBlue.Domain.Reservations;
using TicketBlue.Domain.Rounds;
using TicketBlue.Infrastructure.Checkout;
using TicketBlue.Infrastructure.Jobs;
using TicketBlue.Tests.Fixtures;

namespace TicketBlue.Tests.Infrastructure.Checkout;

/// <summary>미결제 주문 정리 on real MariaDB and Redis: what it ends, what it leaves, reruns, resumes and its race with a confirmation.</summary>
[Trait("Category", "Integration")]
public sealed class UnpaidOrdersJobTests(BookingDatabase booking) : IClassFixture<BookingDatabase>, IAsyncDisposable
{
    private static readonly TimeSpan PastDueAndGrace = HoldPolicy.Default.HoldDuration + TimeSpan.FromMinutes(10);

    private readonly CheckoutHarness _checkout = new(booking);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public ValueTask DisposeAsync() => _checkout.DisposeAsync();

    [Fact]
    public async Task ShouldEndEveryOrderPastDue_GivingSeatsAndCouponBack_AndLeaveTheOthersAlone()
    {
        var (roundId, seats) = await _checkout.CreateRoundAsync();
        var customers = await booking.CreateCustomersAsync(4);
        var couponId = await _checkout.CreateCouponAsync();
        var overdue = await _checkout.PlaceOrderAsync(customers[0], roundId, [seats[0], seats[1]], couponId);
        var confirming = await _checkout.PlaceOrderAsync(customers[1], roundId, [seats[2]]);
        var paid = await _checkout.PlaceOrderAsync(customers[2], roundId, [seats[3]]);
        (await _checkout.NewConfirmationService().ConfirmAsync(customers[2], new PaymentConfirmation(paid.PaymentKey, paid.OrderId, paid.Amount), Ct)).Succeeded.ShouldBeTrue();
        await BeginConfirmationAsync(confirming);
        _checkout.Clock.Advance(PastDueAndGrace);
        var fresh = await _checkout.PlaceOrderAsync(customers[3], roundId, [seats[4]]);

        var rows = await RunToTheEndAsync(_checkout.Clock.GetUtcNow());

        rows.ShouldBe(1);
        var (reservation, payment, hold) = await _checkout.LoadAsync(overdue);
        reservation.Status.ShouldBe(ReservationStatus.Expired);
        payment.Status.ShouldBe(PaymentStatus.Expired);
        hold.Status.ShouldNotBe(SeatHoldStatus.Active);
        await using var context = _checkout.Context();
        (await context.RoundSeats.Where(seat => overdue.SeatIds.Contains(seat.Id)).Select(seat => seat.State).ToListAsync(Ct)).ShouldAllBe(state => state == SeatState.Available);
        (await context.CouponRedemptions.SingleAsync(redemption => redemption.ReservationId == overdue.ReservationId, Ct)).Status.ShouldNotBe(CouponRedemptionStatus.Reserved);
        (await _checkout.LoadAsync(confirming)).Reservation.Status.ShouldBe(ReservationStatus.PendingPayment);
        (await _checkout.LoadAsync(confirming)).Payment.Status.ShouldBe(PaymentStatus.InProgress);
        (await _checkout.LoadAsync(paid)).Reservation.Status.ShouldBe(ReservationStatus.Confirmed);
        (await _checkout.LoadAsync(fresh)).Reservation.Status.ShouldBe(ReservationStatus.PendingPayment);
    }

    [Fact]
    public async Task ShouldChangeNothing_WhenRunAgain()
    {
        var (roundId, seats) = await _checkout.CreateRoundAsync();
        var customers = await booking.CreateCustomersAsync(2);
        var first = await _checkout.PlaceOrderAsync(customers[0], roundId, [seats[0]]);
        var second = await _checkout.PlaceOrderAsync(customers[1], roundId, [seats[1]]);
        _checkout.Clock.Advance(PastDueAndGrace);

        (await RunToTheEndAsync(_checkout.Clock.GetUtcNow())).ShouldBe(2);
        var after = await SnapshotAsync(first, second);

        (await RunToTheEndAsync(_checkout.Clock.GetUtcNow())).ShouldBe(0);
        (await SnapshotAsync(first, second)).ShouldBe(after);
    }

    [Fact]
    public async Task ShouldEndInTheSameState_WhenStoppedAfterAChunkAndResumedFromItsCheckpoint()
    {
        var (roundId, seats) = await _checkout.CreateRoundAsync();
        var customers = await booking.CreateCustomersAsync(3);
        var orders = new List<TestOrder>();
        for (var index = 0; index < 3; index++)
        {
            orders.Add(await _checkout.PlaceOrderAsync(customers[index], roundId, [seats[index]]));
        }

        _checkout.Clock.Advance(PastDueAndGrace);
        var startedAt = _checkout.Clock.GetUtcNow();

        // The first run ends one order, then its node dies; the next start resumes from the stored checkpoint.
        var firstChunk = await _checkout.NewUnpaidOrdersJob(chunkSize: 1).RunChunkAsync(new JobRunContext(1, startedAt, null), Ct);
        firstChunk.Rows.ShouldBe(1);
        firstChunk.Done.ShouldBeFalse();
        (await _checkout.LoadAsync(orders[1])).Reservation.Status.ShouldBe(ReservationStatus.PendingPayment);

        var rest = await RunToTheEndAsync(startedAt, firstChunk.Checkpoint, chunkSize: 1);

        rest.ShouldBe(2);
        foreach (var order in orders)
        {
            (await _checkout.LoadAsync(order)).Reservation.Status.ShouldBe(ReservationStatus.Expired);
        }
    }

    /// <summary>
    /// The customer confirms at the very moment the job reaches the order. Whichever saves first wins
    /// the payment's concurrency token: either the order is paid with its seats sold and nothing was
    /// ended, or it is ended and the gateway was never asked to charge. Never both, never money without seats.
    /// </summary>
    [Fact]
    public async Task ShouldNeverEndAnOrderWhosePaymentIsBeingConfirmed_WhenBothRaceTwentyTimes()
    {
        var customers = await booking.CreateCustomersAsync(20);
        foreach (var (customer, index) in customers.Select((customer, index) => (customer, index)))
        {
            var (roundId, seats) = await _checkout.CreateRoundAsync();
            var order = await _checkout.PlaceOrderAsync(customer, roundId, [seats[0]]);
            _checkout.Clock.Advance(PastDueAndGrace);
            var chargesBefore = _checkout.Gateway.Confirms;
            var job = _checkout.NewUnpaidOrdersJob();
            var confirmations = _checkout.NewConfirmationService();
            using var start = new ManualResetEventSlim();

            var confirm = Task.Run(
                async () =>
                {
                    start.Wait(Ct);

                    // Staggered by a few milliseconds so that the confirmation sometimes comes first and
                    // sometimes while the job is between reading the order and ending it.
                    await Task.Delay(TimeSpan.FromMilliseconds(index % 5 * 4), Ct);
                    return await confirmations.ConfirmAsync(customer, new PaymentConfirmation(order.PaymentKey, order.OrderId, order.Amount), Ct);
                },
                Ct);
            var end = Task.Run(
                async () =>
                {
                    start.Wait(Ct);
                    return await job.RunChunkAsync(new JobRunContext(1, _checkout.Clock.GetUtcNow(), null), Ct);
                },
                Ct);
            start.Set();
            var confirmed = await confirm;
            await end;

            var (reservation, payment, hold) = await _checkout.LoadAsync(order);
            var charged = _checkout.Gateway.Confirms - chargesBefore;
            await using var context = _checkout.Context();
            var seat = await context.RoundSeats.AsNoTracking().SingleAsync(candidate => candidate.Id == order.SeatIds[0], Ct);
            if (reservation.Status == ReservationStatus.Confirmed)
            {
                confirmed.Succeeded.ShouldBeTrue();
                payment.Status.ShouldBe(PaymentStatus.Done);
                hold.Status.ShouldBe(SeatHoldStatus.Converted);
                seat.State.ShouldBe(SeatState.Sold);
                charged.ShouldBe(1);
            }
            else
            {
                reservation.Status.ShouldBe(ReservationStatus.Expired);
                confirmed.Succeeded.ShouldBeFalse();
                payment.Status.ShouldBe(PaymentStatus.Expired);
                charged.ShouldBe(0);
                seat.State.ShouldBe(SeatState.Available);
            }
        }

    }

    private async Task BeginConfirmationAsync(TestOrder order)
    {
        await using var context = _checkout.Context();
        var payment = await context.Payments.SingleAsync(candidate => candidate.OrderId == order.OrderId, Ct);
        payment.BeginConfirmation(order.PaymentKey, _checkout.Clock.GetUtcNow());
        await context.SaveChangesAsync(Ct);
    }

    private async Task<int> RunToTheEndAsync(DateTimeOffset startedAt, string? checkpoint = null, int? chunkSize = null)
    {
        var rows = 0;
        var job = _checkout.NewUnpaidOrdersJob(chunkSize);
        while (true)
        {
            var chunk = await job.RunChunkAsync(new JobRunContext(1, startedAt, checkpoint), Ct);
            rows += chunk.Rows;
            if (chunk.Done)
            {
                return rows;
            }

            checkpoint = chunk.Checkpoint;
        }
    }

    private async Task<string> SnapshotAsync(params TestOrder[] orders)
    {
        var parts = new List<string>();
        foreach (var order in orders)
        {
            var (reservation, payment, hold) = await _checkout.LoadAsync(order);
            parts.Add($"{reservation.Status}/{reservation.Version}/{payment.Status}/{payment.Version}/{hold.Status}");
        }

        return string.Join(";", parts);
    }
}
