using Shouldly;
using TicketBlue.Infrastructure.Checkout;
using TicketBlue.Tests.Fixtures;
using TicketBlue.Tests.Infrastructure.Checkout;

namespace TicketBlue.Tests.Infrastructure.Booking;

/// <summary>
/// The seat map's count of seats bought (<c>SeatsBoughtAsync</c>) against the hold path's own count
/// (SQL in the hold batch): both say the same, so the map never offers seats the server then refuses.
/// </summary>
[Trait("Category", "Integration")]
public sealed class SeatsBoughtTests(BookingDatabase booking) : IClassFixture<BookingDatabase>, IAsyncDisposable
{
    private readonly CheckoutHarness _checkout = new(booking);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public ValueTask DisposeAsync() => _checkout.DisposeAsync();

    [Fact]
    public async Task ShouldCountPaidSeatsButNotAnUnpaidOrders_AndAgreeWithTheHoldPathsLimit()
    {
        // The test catalogue's rounds allow 4 seats per customer.
        var (roundId, seats) = await _checkout.CreateRoundAsync();
        var customer = (await booking.CreateCustomersAsync(1))[0];
        var paid = await _checkout.PlaceOrderAsync(customer, roundId, [seats[0], seats[1]]);
        (await _checkout.NewConfirmationService().ConfirmAsync(customer, new PaymentConfirmation(paid.PaymentKey, paid.OrderId, paid.Amount), Ct)).Succeeded.ShouldBeTrue();
        await _checkout.PlaceOrderAsync(customer, roundId, [seats[2]]);

        (await _checkout.Holds.SeatsBoughtAsync(customer, roundId, Ct)).ShouldBe(2);

        // 2 bought + 1 held (the unpaid order's) leave one: two more are refused, one is taken.
        (await _checkout.Holds.HoldAsync(customer, roundId, [seats[3], seats[4]], Ct)).Failure!.Code.ShouldBe("hold.limit");
        (await _checkout.Holds.HoldAsync(customer, roundId, [seats[3]], Ct)).Hold.ShouldNotBeNull();
    }
}
