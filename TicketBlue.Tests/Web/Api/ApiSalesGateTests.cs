using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Shouldly;
using TicketBlue.Domain.Performances;
using TicketBlue.Tests.Fixtures;
using TicketBlue.Web.Api;

namespace TicketBlue.Tests.Web.Api;

/// <summary>
/// Who and what the API sells to, on the real app, MariaDB and Redis: rounds of shows that are not
/// published answer exactly as unknown rounds on every path; an account whose e-mail is not confirmed
/// may not hold seats (403 with a stable code) until it is.
/// </summary>
[Trait("Category", "Integration")]
public sealed class ApiSalesGateTests(ApiTestApp app) : IClassFixture<ApiTestApp>
{
    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Theory]
    [MemberData(nameof(ShowStatus.NotPublished), MemberType = typeof(ShowStatus))]
    public async Task ShouldAnswerAvailabilityAndHoldsAsForAnUnknownRound_GivenTheShowIsNotPublished(PerformanceStatus status)
    {
        var (roundId, seats) = await NewRoundAsync();
        await SetStatusAsync(roundId, status);
        using var client = await app.NewCustomerClientAsync();

        using var availability = await client.GetAsync(new Uri($"/api/v1/rounds/{roundId}/availability", UriKind.Relative), Cancellation);
        using var hold = await ApiCalls.HoldAsync(client, roundId, seats[0]);

        var unknown = await ApiCalls.ShouldBeProblemAsync(availability, HttpStatusCode.NotFound, ApiErrorCodes.RoundNotFound);
        await ApiCalls.ShouldBeProblemAsync(hold, HttpStatusCode.NotFound, ApiErrorCodes.RoundNotFound);
        using var unknownRound = await client.GetAsync(new Uri("/api/v1/rounds/987654321/availability", UriKind.Relative), Cancellation);
        (await ApiCalls.ShouldBeProblemAsync(unknownRound, HttpStatusCode.NotFound, ApiErrorCodes.RoundNotFound)).GetProperty("detail").GetString()
            .ShouldBe(unknown.GetProperty("detail").GetString());
    }

    [Theory]
    [MemberData(nameof(ShowStatus.NotPublished), MemberType = typeof(ShowStatus))]
    public async Task ShouldRefuseTheExtensionTheOrderAndThePayment_GivenTheShowWasTakenOffSaleAfterTheHold(PerformanceStatus status)
    {
        var (roundId, seats) = await NewRoundAsync();
        using var client = await app.NewCustomerClientAsync();
        using var held = await ApiCalls.HoldAsync(client, roundId, seats[0], seats[1]);
        held.StatusCode.ShouldBe(HttpStatusCode.Created, await held.Content.ReadAsStringAsync(Cancellation));
        var holdId = (await ApiCalls.ReadHoldAsync(held)).HoldId;
        using var heldToo = await ApiCalls.HoldAsync(client, roundId, seats[2]);
        var secondHoldId = (await ApiCalls.ReadHoldAsync(heldToo)).HoldId;
        using var placed = await client.PostAsJsonAsync(new Uri("/api/v1/orders", UriKind.Relative), new PlaceOrderRequest(holdId, null), Cancellation);
        placed.StatusCode.ShouldBe(HttpStatusCode.Created, await placed.Content.ReadAsStringAsync(Cancellation));
        var order = (await placed.Content.ReadFromJsonAsync<OrderResponse>(ApiCalls.Json, Cancellation))!;
        await SetStatusAsync(roundId, status);

        using var extend = await client.PostAsync(new Uri($"/api/v1/holds/{secondHoldId}/extend", UriKind.Relative), null, Cancellation);
        using var placeAgain = await client.PostAsJsonAsync(new Uri("/api/v1/orders", UriKind.Relative), new PlaceOrderRequest(secondHoldId, null), Cancellation);
        using var confirm = new HttpRequestMessage(HttpMethod.Post, new Uri("/api/v1/payments/confirm", UriKind.Relative))
        {
            Content = JsonContent.Create(new ConfirmPaymentRequest($"tgen_never_charged_{Guid.NewGuid():N}", order.OrderId, order.Amount)),
        };
        confirm.Headers.Add("Idempotency-Key", Guid.NewGuid().ToString());
        using var confirmed = await client.SendAsync(confirm, Cancellation);

        await ApiCalls.ShouldBeProblemAsync(extend, HttpStatusCode.NotFound, ApiErrorCodes.RoundNotFound);
        await ApiCalls.ShouldBeProblemAsync(placeAgain, HttpStatusCode.NotFound, ApiErrorCodes.RoundNotFound);
        await ApiCalls.ShouldBeProblemAsync(confirmed, HttpStatusCode.NotFound, ApiErrorCodes.RoundNotFound);
    }

    [Fact]
    public async Task ShouldRefuseToHoldWith403_UntilTheCustomerConfirmsTheirEmail()
    {
        var (roundId, seats) = await NewRoundAsync();
        var email = $"unconfirmed-{Guid.NewGuid():N}@example.com";
        await using (var scope = app.Factory.Services.CreateAsyncScope())
        {
            var signedUp = await scope.ServiceProvider.GetRequiredService<TicketBlue.Infrastructure.Accounts.AccountService>().SignUpCustomerAsync(email, "미인증고객", ApiTestApp.Password);
            signedUp.Succeeded.ShouldBeTrue();
        }

        using var client = app.Factory.CreateClient();
        var token = await ApiCalls.IssueTokenAsync(client, email, ApiTestApp.Password);
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token.AccessToken);

        using var refused = await ApiCalls.HoldAsync(client, roundId, seats[3]);

        var problem = await ApiCalls.ShouldBeProblemAsync(refused, HttpStatusCode.Forbidden, ApiErrorCodes.AccountEmailUnconfirmed);
        problem.GetProperty("detail").GetString().ShouldNotBeNull().ShouldContain("이메일 인증");
        await using (var context = app.Database.CreateContext())
        {
            (await context.SeatHolds.AnyAsync(hold => hold.RoundId == roundId, Cancellation)).ShouldBeFalse();
        }

        await TestAccounts.ConfirmEmailAsync(app.Factory.Services, email);
        using var held = await ApiCalls.HoldAsync(client, roundId, seats[3]);

        held.StatusCode.ShouldBe(HttpStatusCode.Created, await held.Content.ReadAsStringAsync(Cancellation));
    }

    private async Task<(long RoundId, long[] Seats)> NewRoundAsync()
    {
        await using var context = app.Database.CreateContext();
        var catalog = await TestCatalog.CreateAsync(context, DateTimeOffset.UtcNow);
        var seats = await context.RoundSeats.Where(seat => seat.RoundId == catalog.Round.Id).OrderBy(seat => seat.Id).Select(seat => seat.Id).ToArrayAsync(Cancellation);
        return (catalog.Round.Id, seats);
    }

    private async Task SetStatusAsync(long roundId, PerformanceStatus status)
    {
        await using var context = app.Database.CreateContext();
        await ShowStatus.SetAsync(context, roundId, status, DateTimeOffset.UtcNow);
    }
}
