using System.Net;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Shouldly;
using TicketBlue.Infrastructure.Accounts;
using TicketBlue.Tests.Fixtures;

namespace TicketBlue.Tests.Infrastructure.Accounts;

/// <summary>
/// The sign-in page under the wrong-password throttle, through real HTTP posts: the guesser's address
/// gets 429 with Retry-After and the wait in Korean, the owner at another address signs in. The first
/// wait is 10 minutes here (<see cref="SlowThrottleApp"/>), so no wall-clock timing is involved.
/// </summary>
[Trait("Category", "Integration")]
public sealed class SignInPageThrottleTests(SlowThrottleApp app) : IClassFixture<SlowThrottleApp>
{
    private const string Password = "correct horse battery staple";

    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ShouldAnswer429InKoreanToTheGuesserAndLetTheOwnerIn_GivenWrongPasswordsFromAStrangersAddress()
    {
        var email = $"page-{Guid.NewGuid():N}@example.com";
        await using (var scope = app.Inner.Factory.Services.CreateAsyncScope())
        {
            (await scope.ServiceProvider.GetRequiredService<AccountService>().SignUpCustomerAsync(email, "주인", Password)).Succeeded.ShouldBeTrue();
        }

        using var stranger = Browser("198.51.100.77");
        var wrong = new List<HttpStatusCode>();
        for (var guess = 0; guess < new SignInThrottleOptions().FreeAttemptsPerAddress; guess++)
        {
            using var answer = await PostLoginAsync(stranger, email, "wrong password attempt");
            wrong.Add(answer.StatusCode);
        }

        using var slowed = await PostLoginAsync(stranger, email, Password);
        var slowedPage = await slowed.Content.ReadAsStringAsync(Cancellation);
        using var owner = Browser("203.0.113.30");
        using var ownersAnswer = await PostLoginAsync(owner, email, Password);

        wrong.ShouldAllBe(status => status == HttpStatusCode.OK);
        slowed.StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);
        slowed.Headers.RetryAfter!.Delta!.Value.ShouldBeInRange(TimeSpan.FromMinutes(9), TimeSpan.FromMinutes(10));
        slowedPage.ShouldContain("로그인 시도가 너무 많습니다.");
        slowedPage.ShouldContain("후에 다시 시도해 주세요.");
        ownersAnswer.StatusCode.ShouldBe(HttpStatusCode.Redirect);
    }

    private HttpClient Browser(string address)
    {
        var client = app.Inner.Factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        client.DefaultRequestHeaders.Add("X-Forwarded-For", address);
        return client;
    }

    private static async Task<HttpResponseMessage> PostLoginAsync(HttpClient browser, string email, string password)
    {
        var form = await browser.GetStringAsync(new Uri("/Account/Login", UriKind.Relative), Cancellation);
        using var content = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "login",
            ["__RequestVerificationToken"] = SignedInClient.FormToken(form),
            ["Input.Email"] = email,
            ["Input.Password"] = password,
        });
        return await browser.PostAsync(new Uri("/Account/Login", UriKind.Relative), content, Cancellation);
    }
}

/// <summary>A class fixture: the app with a first wrong-password wait of 10 minutes.</summary>
public sealed class SlowThrottleApp : IAsyncLifetime
{
    public AppWithDatabase Inner { get; } = new(new Dictionary<string, string?>
    {
        ["SignInThrottle:FirstDelay"] = "00:10:00",
        ["SignInThrottle:MaxDelayPerAccount"] = "00:10:00",
    });

    public ValueTask InitializeAsync() => Inner.InitializeAsync();

    public ValueTask DisposeAsync() => Inner.DisposeAsync();
}
