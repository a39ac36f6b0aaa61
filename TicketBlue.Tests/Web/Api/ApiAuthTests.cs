using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Authentication.BearerToken;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Shouldly;
using TicketBlue.Infrastructure.Accounts;
using TicketBlue.Tests.Fixtures;
using TicketBlue.Web.Api;

namespace TicketBlue.Tests.Web.Api;

/// <summary>Bearer tokens for programs, issued under the same sign-in rules as the web login; cookies do not open the API.</summary>
[Trait("Category", "Integration")]
public sealed class ApiAuthTests(ApiTestApp app) : IClassFixture<ApiTestApp>
{
    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ShouldIssueABearerTokenThatOpensTheApi_GivenValidCredentials()
    {
        var email = await app.NewCustomerAsync();
        using var client = app.Factory.CreateClient();

        var token = await ApiCalls.IssueTokenAsync(client, email, ApiTestApp.Password);

        token.TokenType.ShouldBe("Bearer");
        token.AccessToken.ShouldNotBeNullOrWhiteSpace();
        token.RefreshToken.ShouldNotBeNullOrWhiteSpace();
        token.ExpiresIn.ShouldBeGreaterThan(0);
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token.AccessToken);
        using var holds = await client.GetAsync(new Uri("/api/v1/holds", UriKind.Relative), Cancellation);
        holds.StatusCode.ShouldBe(HttpStatusCode.OK, await holds.Content.ReadAsStringAsync(Cancellation));
    }

    [Fact]
    public async Task ShouldRecordTheSignInTime_GivenATokenIsIssued()
    {
        var email = await app.NewCustomerAsync();
        using var client = app.Factory.CreateClient();

        await ApiCalls.IssueTokenAsync(client, email, ApiTestApp.Password);

        (await FreshUserAsync(email)).LastLoginAt.ShouldNotBeNull();
    }

    [Fact]
    public async Task ShouldRefuseWith401Problem_GivenAWrongPassword()
    {
        var email = await app.NewCustomerAsync();
        using var client = app.Factory.CreateClient();

        using var response = await PostTokenAsync(client, email, "not the right password");

        var problem = await ApiCalls.ShouldBeProblemAsync(response, HttpStatusCode.Unauthorized, ApiErrorCodes.AuthInvalidCredentials);
        problem.GetProperty("detail").GetString().ShouldBe("이메일 또는 비밀번호가 맞지 않습니다.");
    }

    [Fact]
    public async Task ShouldAnswerLikeAWrongPassword_GivenAnUnknownEmail()
    {
        using var client = app.Factory.CreateClient();

        using var response = await PostTokenAsync(client, $"nobody-{Guid.NewGuid():N}@example.com", ApiTestApp.Password);

        await ApiCalls.ShouldBeProblemAsync(response, HttpStatusCode.Unauthorized, ApiErrorCodes.AuthInvalidCredentials);
    }

    [Fact]
    public async Task ShouldSlowTheGuesserWith429ButLetTheOwnerIn_GivenWrongPasswordsFromAStrangersAddress()
    {
        var email = await app.NewCustomerAsync();
        using var stranger = app.Factory.CreateClient();
        stranger.DefaultRequestHeaders.Add("X-Forwarded-For", "198.51.100.7");
        for (var attempt = 1; attempt <= new SignInThrottleOptions().FreeAttemptsPerAddress; attempt++)
        {
            using var failed = await PostTokenAsync(stranger, email, "wrong password attempt");
            failed.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        }

        using var slowed = await PostTokenAsync(stranger, email, ApiTestApp.Password);
        using var owner = app.Factory.CreateClient();
        owner.DefaultRequestHeaders.Add("X-Forwarded-For", "203.0.113.20");
        using var ownersAnswer = await PostTokenAsync(owner, email, ApiTestApp.Password);

        var problem = await ApiCalls.ShouldBeProblemAsync(slowed, HttpStatusCode.TooManyRequests, ApiErrorCodes.AuthThrottled);
        problem.GetProperty("detail").GetString()!.ShouldContain("초 후에 다시 시도해 주세요");
        slowed.Headers.RetryAfter!.Delta!.Value.TotalSeconds.ShouldBeInRange(1, new SignInThrottleOptions().FirstDelay.TotalSeconds);
        ownersAnswer.StatusCode.ShouldBe(HttpStatusCode.OK, await ownersAnswer.Content.ReadAsStringAsync(Cancellation));
    }

    [Fact]
    public async Task ShouldRefuseADormantAccount_GivenTheRightPassword()
    {
        var email = await app.NewCustomerAsync();
        await using (var scope = app.Factory.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
            var user = (await users.FindByEmailAsync(email))!;
            user.IsDormant = true;
            await users.UpdateAsync(user);
        }

        using var client = app.Factory.CreateClient();
        using var response = await PostTokenAsync(client, email, ApiTestApp.Password);

        var problem = await ApiCalls.ShouldBeProblemAsync(response, HttpStatusCode.Forbidden, ApiErrorCodes.AuthDormant);
        problem.GetProperty("detail").GetString()!.ShouldContain("휴면 계정");
    }

    [Fact]
    public async Task ShouldAnswer400_GivenNoPassword()
    {
        using var client = app.Factory.CreateClient();

        using var response = await client.PostAsJsonAsync(new Uri("/api/v1/auth/token", UriKind.Relative), new { email = "someone@example.com" }, Cancellation);

        await ApiCalls.ShouldBeProblemAsync(response, HttpStatusCode.BadRequest, ApiErrorCodes.RequestInvalid);
    }

    [Fact]
    public async Task ShouldIssueANewWorkingToken_GivenTheRefreshToken()
    {
        var email = await app.NewCustomerAsync();
        using var client = app.Factory.CreateClient();
        var first = await ApiCalls.IssueTokenAsync(client, email, ApiTestApp.Password);

        using var response = await client.PostAsJsonAsync(new Uri("/api/v1/auth/refresh", UriKind.Relative), new { refreshToken = first.RefreshToken }, Cancellation);

        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync(Cancellation));
        var second = (await response.Content.ReadFromJsonAsync<AccessTokenResponse>(ApiCalls.Json, Cancellation))!;
        second.AccessToken.ShouldNotBeNullOrWhiteSpace();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", second.AccessToken);
        using var holds = await client.GetAsync(new Uri("/api/v1/holds", UriKind.Relative), Cancellation);
        holds.StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task ShouldRefuseTheRefreshToken_GivenThePasswordChangedSince()
    {
        var email = await app.NewCustomerAsync();
        using var client = app.Factory.CreateClient();
        var token = await ApiCalls.IssueTokenAsync(client, email, ApiTestApp.Password);
        await using (var scope = app.Factory.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
            var user = (await users.FindByEmailAsync(email))!;
            (await users.ChangePasswordAsync(user, ApiTestApp.Password, "a brand new long passphrase")).Succeeded.ShouldBeTrue();
        }

        using var response = await client.PostAsJsonAsync(new Uri("/api/v1/auth/refresh", UriKind.Relative), new { refreshToken = token.RefreshToken }, Cancellation);

        await ApiCalls.ShouldBeProblemAsync(response, HttpStatusCode.Unauthorized, ApiErrorCodes.AuthInvalidRefreshToken);
    }

    [Fact]
    public async Task ShouldRefuseARefreshToken_GivenAnAccessTokenOrGarbage()
    {
        var email = await app.NewCustomerAsync();
        using var client = app.Factory.CreateClient();
        var token = await ApiCalls.IssueTokenAsync(client, email, ApiTestApp.Password);

        foreach (var refreshToken in new[] { token.AccessToken, "not-a-token" })
        {
            using var response = await client.PostAsJsonAsync(new Uri("/api/v1/auth/refresh", UriKind.Relative), new { refreshToken }, Cancellation);
            await ApiCalls.ShouldBeProblemAsync(response, HttpStatusCode.Unauthorized, ApiErrorCodes.AuthInvalidRefreshToken);
        }
    }

    [Fact]
    public async Task ShouldNotLetTheSignInCookieIntoTheApi_GivenACustomerSignedInOnThePages()
    {
        var email = await app.NewCustomerAsync();

        // The pages' cookie sign-in still works next to the bearer scheme...
        using var browser = await SignedInClient.CreateAsync(app.Factory, email, ApiTestApp.Password);

        // ...but the API ignores the cookie: bearer tokens only.
        using var response = await browser.GetAsync(new Uri("/api/v1/holds", UriKind.Relative), Cancellation);

        await ApiCalls.ShouldBeProblemAsync(response, HttpStatusCode.Unauthorized, ApiErrorCodes.AuthRequired);
    }

    private static Task<HttpResponseMessage> PostTokenAsync(HttpClient client, string email, string password) =>
        client.PostAsJsonAsync(new Uri("/api/v1/auth/token", UriKind.Relative), new { email, password }, Cancellation);

    private async Task<ApplicationUser> FreshUserAsync(string email)
    {
        await using var scope = app.Factory.Services.CreateAsyncScope();
        return (await scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>().FindByEmailAsync(email))!;
    }
}
