using Microsoft.EntityFrameworkCore;
using Shouldly;
using TicketBlue.Domain.Payments;
using TicketBlue.Domain.Performances;
using TicketBlue.Domain.Reservations;
using TicketBlue.Domain.Rounds;
using TicketBlue.Infrastructure.Checkout;
using TicketBlue.Tests.Fixtures;

namespace TicketBlue.Tests.Infrastructure.Checkout;

/// <summary>
/// A show taken off sale (back to draft, suspended, archived) after the customer held its seats: no
/// order is placed, no payment is charged, and one charged while it happened is refunded in full.
/// </summary>
[Trait("Category", "Integration")]
public sealed class UnpublishedShowCheckoutTests(BookingDatabase booking) : IClassFixture<BookingDatabase>, IAsyncDisposable
{
    private readonly CheckoutHarness _checkout = new(booking);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public ValueTask DisposeAsync() => _checkout.DisposeAsync();

    [Theory]
    [MemberData(nameof(ShowStatus.NotPublished), MemberType = typeof(ShowStatus))]
    public async Task ShouldNeitherQuoteNorPlaceAnOrder_GivenTheShowWasTakenOffSaleAfterTheHold(PerformanceStatus status)
    {
        var scenario = new CheckoutScenario(booking);
        var (catalog, seats) = await scenario.ShowAsync();
        var customer = (await scenario.CustomersAsync(1))[0];
        var hold = await scenario.HoldAsync(customer, catalog.Round.Id, seats[0].Id);
        await SetStatusAsync(catalog.Round.Id, status);

        var quote = await scenario.Checkout.QuoteAsync(customer, hold.HoldId, null, Ct);
        var order = await scenario.Checkout.PlaceOrderAsync(customer, hold.HoldId, null, Ct);

        quote.Failure.ShouldNotBeNull().Code.ShouldBe("round.not_found");
        order.Failure.ShouldNotBeNull().Code.ShouldBe("round.not_found");
        await using var context = _checkout.Context();
        (await context.Reservations.AnyAsync(reservation => reservation.SeatHoldId == hold.HoldId, Ct)).ShouldBeFalse();
    }

    [Theory]
    [MemberData(nameof(ShowStatus.NotPublished), MemberType = typeof(ShowStatus))]
    public async Task ShouldChargeNothing_GivenTheShowWasTakenOffSaleBeforeThePaymentIsConfirmed(PerformanceStatus status)
    {
        var (roundId, seats) = await _checkout.CreateRoundAsync();
        var customer = (await booking.CreateCustomersAsync(1))[0];
        var order = await _checkout.PlaceOrderAsync(customer, roundId, [seats[0], seats[1]]);
        await SetStatusAsync(roundId, status);

        var result = await _checkout.NewConfirmationService().ConfirmAsync(customer, new PaymentConfirmation(order.PaymentKey, order.OrderId, order.Amount), Ct);

        result.Failure.ShouldNotBeNull().Code.ShouldBe("round.not_found");
        _checkout.Gateway.Confirms.ShouldBe(0);
        var (reservation, payment, _) = await _checkout.LoadAsync(order);
        payment.Status.ShouldBe(PaymentStatus.Aborted);
        reservation.Status.ShouldNotBe(ReservationStatus.Confirmed);
        await using var context = _checkout.Context();
        (await context.RoundSeats.Where(seat => seat.Id == seats[0] || seat.Id == seats[1]).Select(seat => seat.State).ToListAsync(Ct)).ShouldAllBe(state => state != SeatState.Sold);
    }

    [Fact]
    public async Task ShouldRefundInFull_WhenTheShowIsTakenDownWhileTheGatewayCharges()
    {
        var (roundId, seats) = await _checkout.CreateRoundAsync();
        var customer = (await booking.CreateCustomersAsync(1))[0];
        var order = await _checkout.PlaceOrderAsync(customer, roundId, [seats[2], seats[3]]);
        _checkout.Gateway.DuringConfirm = () => SetStatusAsync(roundId, PerformanceStatus.Suspended);

        var result = await _checkout.NewConfirmationService().ConfirmAsync(customer, new PaymentConfirmation(order.PaymentKey, order.OrderId, order.Amount), Ct);

        var failure = result.Failure.ShouldNotBeNull();
        failure.Code.ShouldBe("round.not_found");
        failure.Message.ShouldContain("전액 환불");
        _checkout.Gateway.Confirms.ShouldBe(1);
        _checkout.Gateway.Cancels.ShouldBe(1);
        var (reservation, payment, _) = await _checkout.LoadAsync(order);
        payment.Status.ShouldBe(PaymentStatus.Canceled);
        payment.BalanceAmount.Won.ShouldBe(0);
        reservation.Status.ShouldBe(ReservationStatus.Cancelled);
        reservation.ConfirmedAt.ShouldBeNull();
        (await _checkout.Demo.GetByOrderIdAsync(order.OrderId, Ct)).Value!.Status.ShouldBe(PaymentStatus.Canceled);
        await using var context = _checkout.Context();
        (await context.RoundSeats.Where(seat => seat.Id == seats[2] || seat.Id == seats[3]).Select(seat => seat.State).ToListAsync(Ct)).ShouldAllBe(state => state == SeatState.Available);
    }

    private async Task SetStatusAsync(long roundId, PerformanceStatus status)
    {
        await using var context = _checkout.Context();
        await ShowStatus.SetAsync(context, roundId, status, _checkout.Clock.GetUtcNow());
    }
}
