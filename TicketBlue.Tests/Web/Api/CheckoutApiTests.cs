using System.Net;
using System.Net.Http.Json;
using NSubstitute;
using Shouldly;
using TicketBlue.Domain.Payments;
using TicketBlue.Domain.Reservations;
using TicketBlue.Infrastructure.Booking;
using TicketBlue.Infrastructure.Reservations;
using TicketBlue.Infrastructure.Checkout;

namespace TicketBlue.Tests.Web.Api;

/// <summary>Orders, refund quotes and checkout failures mapped onto HTTP, with the services faked.</summary>
[Trait("Category", "Integration")]
public sealed class CheckoutApiTests(CheckoutApiTestApp app) : IClassFixture<CheckoutApiTestApp>
{
    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ShouldCreateTheOrder_GivenAHoldAndACoupon()
    {
        using var client = await app.NewCustomerClientAsync();
        var holdId = Guid.NewGuid();
        var payBefore = DateTimeOffset.UtcNow.AddMinutes(8);
        app.Checkout.PlaceOrderAsync(Arg.Any<string>(), holdId, 9, Arg.Any<CancellationToken>())
            .Returns(CheckoutResult.Success(new PlacedOrder(601, "TB-20261126-0601", "TBorder601", "뮤지컬 캣츠 외 1건", 200_000, PaymentProvider.Demo, "a@example.com", "민지", payBefore)));

        using var response = await CheckoutApiCalls.PlaceOrderAsync(client, new { holdId, couponId = 9 });

        response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync(Cancellation));
        response.Headers.Location!.ToString().ShouldBe("/api/v1/reservations/601");
        var order = (await response.Content.ReadFromJsonAsync<TicketBlue.Web.Api.OrderResponse>(ApiCalls.Json, Cancellation))!;
        order.ShouldBe(new TicketBlue.Web.Api.OrderResponse(601, "TB-20261126-0601", "TBorder601", "뮤지컬 캣츠 외 1건", 200_000, "Demo", payBefore));
    }

    [Fact]
    public async Task ShouldAnswer409WithTheLostSeats_GivenSeatsSoldAfterTheHoldRanOut()
    {
        using var client = await app.NewCustomerClientAsync();
        var holdId = Guid.NewGuid();
        var failure = new CheckoutFailure("hold.expired", [new HeldSeat(31, "1층 A구역 1열 3번", "R", 110_000)]);
        app.Checkout.PlaceOrderAsync(Arg.Any<string>(), holdId, null, Arg.Any<CancellationToken>()).Returns(CheckoutResult.Failed<PlacedOrder>(failure));

        using var response = await CheckoutApiCalls.PlaceOrderAsync(client, new { holdId });

        var problem = await ApiCalls.ShouldBeProblemAsync(response, HttpStatusCode.Conflict, "hold.expired");
        problem.GetProperty("lostSeats")[0].GetProperty("label").GetString().ShouldBe("1층 A구역 1열 3번");
    }

    [Fact]
    public async Task ShouldAnswer400_GivenAnOrderWithoutAHold()
    {
        using var client = await app.NewCustomerClientAsync();

        using var response = await CheckoutApiCalls.PlaceOrderAsync(client, new { couponId = 3 });

        await ApiCalls.ShouldBeProblemAsync(response, HttpStatusCode.BadRequest, TicketBlue.Web.Api.ApiErrorCodes.RequestInvalid);
    }

    [Fact]
    public async Task ShouldAnswer503_GivenTheConfirmOutcomeIsUnknown()
    {
        using var client = await app.NewCustomerClientAsync();
        var orderId = "TB" + Guid.NewGuid().ToString("N");
        app.Confirmations.ConfirmAsync(Arg.Any<string>(), Arg.Is<PaymentConfirmation>(confirmation => confirmation.OrderId == orderId), Arg.Any<CancellationToken>())
            .Returns(CheckoutResult.Failed<ConfirmedReservation>(new CheckoutFailure(TicketBlue.Web.Features.Checkout.CheckoutCodes.PaymentUnknownOutcome, [])));

        using var response = await CheckoutApiCalls.ConfirmAsync(client, Guid.NewGuid().ToString(), new { paymentKey = "tdemo_9", orderId, amount = 5000 });

        await ApiCalls.ShouldBeProblemAsync(response, HttpStatusCode.ServiceUnavailable, TicketBlue.Web.Features.Checkout.CheckoutCodes.PaymentUnknownOutcome);
    }

    [Fact]
    public async Task ShouldQuoteTheRefundForTheGivenSeats_GivenARefundQuoteRequest()
    {
        using var client = await app.NewCustomerClientAsync();
        const long reservationId = 8001;
        var quote = new RefundQuote(reservationId, [new RefundLine(21, "1층 B구역 1열 1번", "R", 110_000, 11_000, 99_000)], 110_000, 11_000, 99_000,
            RefundFee.Tier(10, 9, 7), DateTimeOffset.UtcNow.AddDays(3), WholeReservation: false, Allowed: true, null);
        app.Cancellations.QuoteAsync(Arg.Any<string>(), reservationId, Arg.Is<IReadOnlyCollection<long>?>(ids => ids != null && ids.SequenceEqual(new long[] { 21 })), Arg.Any<CancellationToken>())
            .Returns(quote);

        using var response = await client.GetAsync(new Uri($"/api/v1/reservations/{reservationId}/refund-quote?roundSeatIds=21", UriKind.Relative), Cancellation);
        using var missing = await client.GetAsync(new Uri("/api/v1/reservations/8002/refund-quote", UriKind.Relative), Cancellation);

        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync(Cancellation));
        var body = (await response.Content.ReadFromJsonAsync<TicketBlue.Web.Api.RefundQuoteResponse>(ApiCalls.Json, Cancellation))!;
        body.Refund.ShouldBe(99_000);
        body.Lines.Single().Fee.ShouldBe(11_000);
        body.FeeRule.ShouldBe("관람일 9~7일 전 취소: 티켓 금액의 10%");
        await ApiCalls.ShouldBeProblemAsync(missing, HttpStatusCode.NotFound, TicketBlue.Web.Api.ApiErrorCodes.ReservationNotFound);
    }
}
