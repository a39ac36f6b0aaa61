using System.Net;
using System.Text.Json;
using Shouldly;
using TicketBlue.Tests.Fixtures;

namespace TicketBlue.Tests.Infrastructure.WaitingRoom;

/// <summary>
/// The browser's way through, over HTTP with the sign-in cookie: the seat page sends a customer
/// without admission to the waiting page, which shows their place; once admitted, the status call
/// hands over the HttpOnly admission cookie and the seat page opens.
/// </summary>
[Trait("Category", "Integration")]
public sealed class WaitingPageTests(WaitingRoomApp app) : IClassFixture<WaitingRoomApp>
{
    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ShouldSendToTheQueue_ShowThePlace_AndOpenTheSeatsWithTheAdmissionCookie()
    {
        var round = await app.NewRoundAsync();
        var customer = await app.NewCustomerAsync();
        using var browser = await SignedInClient.CreateAsync(app.Factory, customer.Email, WaitingRoomApp.Password);
        var seats = new Uri($"/rounds/{round.RoundId}/seats", UriKind.Relative);

        using (var early = await browser.GetAsync(seats, Cancellation))
        {
            early.StatusCode.ShouldBe(HttpStatusCode.Redirect);
            early.Headers.Location!.OriginalString.ShouldEndWith($"/rounds/{round.RoundId}/queue");
        }

        var page = await browser.GetStringAsync(new Uri($"/rounds/{round.RoundId}/queue", UriKind.Relative), Cancellation);
        page.ShouldContain("예매 대기 중입니다");
        page.ShouldMatch("data-testid=\"queue-number\"[^>]*>\\d+번<");
        page.ShouldMatch("data-testid=\"queue-position\"[^>]*>1번째<");

        // Rendered once, no interactive component: nothing on this page opens a circuit.
        page.ShouldNotContain("\"type\":\"server\"");

        app.Clock.Advance(TimeSpan.FromSeconds(1));
        await app.Admitter.TickRoundAsync(round.RoundId, Cancellation);
        using var status = await browser.GetAsync(new Uri($"/rounds/{round.RoundId}/queue/status", UriKind.Relative), Cancellation);
        var body = JsonDocument.Parse(await status.Content.ReadAsStringAsync(Cancellation)).RootElement;
        body.GetProperty("admitted").GetBoolean().ShouldBeTrue();
        body.TryGetProperty("token", out _).ShouldBeFalse();
        var cookie = status.Headers.GetValues("Set-Cookie").Single(value => value.StartsWith($"tb-queue-{round.RoundId}=", StringComparison.Ordinal));
        cookie.ShouldContain("httponly", Case.Insensitive);
        cookie.ShouldContain("samesite=lax", Case.Insensitive);

        using var admitted = await browser.GetAsync(seats, Cancellation);
        admitted.StatusCode.ShouldBe(HttpStatusCode.OK);
    }
}
