using System.Net;
using System.Threading.RateLimiting;
using Microsoft.Extensions.DependencyInjection;
using Shouldly;
using TicketBlue.Tests.Fixtures;
using TicketBlue.Tests.Web.Api;
using TicketBlue.Web.RateLimiting;

namespace TicketBlue.Tests.Web.RateLimiting;

/// <summary>
/// Request limits on the real app: over a limit the API answers 429 with Retry-After and the problem
/// code <c>rate.limited</c>, a page answers 429 with a short page in Korean; addresses and accounts
/// are counted apart, and an account's holds count the same on the API and on the seat page.
/// </summary>
[Trait("Category", "Integration")]
public sealed class RateLimitTests(RateLimitedApp app) : IClassFixture<RateLimitedApp>
{
    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ShouldAnswer429ProblemWithRetryAfter_GivenAnAddressOverItsAvailabilityLimit()
    {
        var address = RateLimitedApp.NewAddress();
        using var client = app.ClientFrom(address);
        for (var read = 0; read < RateLimitedApp.Limit; read++)
        {
            await ApiCalls.AvailabilityAsync(client, app.Api.RoundId);
        }

        using var refused = await client.GetAsync(AvailabilityUri(), Cancellation);
        using var neighbour = app.ClientFrom();
        using var neighboursRead = await neighbour.GetAsync(AvailabilityUri(), Cancellation);

        var problem = await ApiCalls.ShouldBeProblemAsync(refused, HttpStatusCode.TooManyRequests, "rate.limited");
        problem.GetProperty("detail").GetString()!.ShouldContain("초 후에 다시 시도해 주세요");
        refused.Headers.RetryAfter!.Delta!.Value.ShouldBeGreaterThanOrEqualTo(TimeSpan.FromSeconds(1));
        neighboursRead.StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task ShouldAnswer429_GivenAnAccountAskingForItsPlaceInLineFasterThanItsLimit()
    {
        var (_, customer) = await app.NewCustomerAsync();
        var queue = new Uri($"/api/v1/rounds/{app.Api.RoundId}/queue", UriKind.Relative);
        var answers = new List<HttpStatusCode>();
        for (var ask = 0; ask < RateLimitedApp.Limit; ask++)
        {
            using var answer = await customer.GetAsync(queue, Cancellation);
            answers.Add(answer.StatusCode);
        }

        using var refused = await customer.GetAsync(queue, Cancellation);
        var (_, other) = await app.NewCustomerAsync();
        using var othersAsk = await other.GetAsync(queue, Cancellation);

        answers.ShouldAllBe(status => status == HttpStatusCode.OK);
        await ApiCalls.ShouldBeProblemAsync(refused, HttpStatusCode.TooManyRequests, "rate.limited");
        refused.Headers.RetryAfter!.Delta!.Value.ShouldBeGreaterThanOrEqualTo(TimeSpan.FromSeconds(1));
        othersAsk.StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task ShouldCountOneIPv6Network_GivenAClientPickingANewAddressInItPerRequest()
    {
        var answers = new List<HttpStatusCode>();
        for (var read = 1; read <= RateLimitedApp.Limit + 1; read++)
        {
            using var client = app.ClientFrom($"2001:db8:99:1::{read:x}");
            using var answer = await client.GetAsync(AvailabilityUri(), Cancellation);
            answers.Add(answer.StatusCode);
        }

        answers.ShouldBe([.. Enumerable.Repeat(HttpStatusCode.OK, RateLimitedApp.Limit), HttpStatusCode.TooManyRequests]);
    }

    [Fact]
    public async Task ShouldAnswerAPageInKoreanWith429_GivenTooManySignInFormPosts()
    {
        using var browser = app.ClientFrom();
        var form = await browser.GetStringAsync(new Uri("/Account/Login", UriKind.Relative), Cancellation);
        var token = SignedInClient.FormToken(form);
        var answers = new List<HttpStatusCode>();
        for (var post = 0; post < RateLimitedApp.Limit; post++)
        {
            using var wrong = await PostLoginAsync(browser, token);
            answers.Add(wrong.StatusCode);
        }

        using var refused = await PostLoginAsync(browser, token);
        var page = await refused.Content.ReadAsStringAsync(Cancellation);
        using var lookingAgain = await browser.GetAsync(new Uri("/Account/Login", UriKind.Relative), Cancellation);

        answers.ShouldAllBe(status => status == HttpStatusCode.OK);
        refused.StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);
        refused.Headers.RetryAfter!.Delta!.Value.ShouldBeGreaterThanOrEqualTo(TimeSpan.FromSeconds(1));
        refused.Content.Headers.ContentType!.MediaType.ShouldBe("text/html");
        page.ShouldContain("요청이 너무 많습니다");
        // One sign-in per 20 minutes refills a bucket of 3 an hour: the page says the header's wait in minutes and seconds.
        refused.Headers.RetryAfter.Delta.Value.ShouldBe(TimeSpan.FromMinutes(20));
        page.ShouldContain("20분 0초 후에 다시 시도해 주세요");
        lookingAgain.StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task ShouldCountAnAccountsHoldsOnTheApiAndTheSeatPageTogether_GivenOneLimitPerAccount()
    {
        var address = RateLimitedApp.NewAddress();
        var (userId, client) = await app.NewCustomerAsync(address);
        var (_, neighbour) = await app.NewCustomerAsync(address);
        var limiters = app.Api.Factory.Services.GetRequiredService<RequestLimiters>();

        for (var release = 0; release < RateLimitedApp.Limit - 1; release++)
        {
            using var unknown = await client.DeleteAsync(new Uri($"/api/v1/holds/{Guid.NewGuid()}", UriKind.Relative), Cancellation);
            unknown.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        }

        // The seat page's hold command asks the same limiter: the account's third hold request this hour.
        using (var fromThePage = limiters.AttemptAcquire(LimitedAction.Holds, userId))
        {
            fromThePage.IsAcquired.ShouldBeTrue();
        }

        using var refused = await ApiCalls.HoldAsync(client, app.Api.RoundId, app.Api.RoundSeatIds[0]);
        using var fromThePageAgain = limiters.AttemptAcquire(LimitedAction.Holds, userId);
        using var neighboursHold = await ApiCalls.HoldAsync(neighbour, app.Api.RoundId, app.Api.RoundSeatIds[1]);

        await ApiCalls.ShouldBeProblemAsync(refused, HttpStatusCode.TooManyRequests, "rate.limited");
        refused.Headers.RetryAfter.ShouldNotBeNull();
        fromThePageAgain.IsAcquired.ShouldBeFalse();
        fromThePageAgain.TryGetMetadata(MetadataName.RetryAfter, out var wait).ShouldBeTrue();
        wait.ShouldBeGreaterThan(TimeSpan.Zero);
        neighboursHold.StatusCode.ShouldBe(HttpStatusCode.Created, await neighboursHold.Content.ReadAsStringAsync(Cancellation));
    }

    private Uri AvailabilityUri() => new($"/api/v1/rounds/{app.Api.RoundId}/availability", UriKind.Relative);

    private static async Task<HttpResponseMessage> PostLoginAsync(HttpClient browser, string token)
    {
        using var content = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "login",
            ["__RequestVerificationToken"] = token,
            ["Input.Email"] = $"nobody-{Guid.NewGuid():N}@example.com",
            ["Input.Password"] = "not anyone's password",
        });
        return await browser.PostAsync(new Uri("/Account/Login", UriKind.Relative), content, Cancellation);
    }
}
