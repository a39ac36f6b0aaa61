using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Shouldly;
using TicketBlue.Infrastructure.Accounts;
using TicketBlue.Tests.Fixtures;

namespace TicketBlue.Tests.Infrastructure.Accounts;

/// <summary>
/// Staff sign in with two factors (issue 16, ASVS 4.3.1): the password alone opens nothing, the authenticator is
/// set up at the first sign-in, its code is asked for after that, and a recovery code works once.
/// </summary>
[Trait("Category", "Integration")]
public sealed class StaffTwoFactorTests(AppWithDatabase app) : IClassFixture<AppWithDatabase>
{
    private const string Password = "correct horse battery staple";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData(Roles.Admin, "/admin")]
    [InlineData(Roles.Gate, "/gate/check-in")]
    public async Task ShouldOpenNothing_GivenThePasswordAlone(string role, string page)
    {
        var email = await NewStaffAsync(role);
        using var client = NewClient();

        using var signIn = await PostLoginAsync(client, email, Password);
        using var staffPage = await client.GetAsync(new Uri(page, UriKind.Relative), Ct);

        signIn.Headers.Location!.ToString().ShouldContain("/Account/SetupAuthenticator");
        staffPage.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        staffPage.Headers.Location!.ToString().ShouldContain("/Account/Login");
    }

    [Fact]
    public async Task ShouldSetUpTheAuthenticatorAtTheFirstSignIn_AndAskForItsCodeAfterwards()
    {
        var email = await NewStaffAsync(Roles.Admin);
        using var first = NewClient();
        using var firstSignIn = await PostLoginAsync(first, email, Password);
        var key = await SignedInClient.SetUpAuthenticatorAsync(first, firstSignIn.Headers.Location!);
        (await first.GetAsync(new Uri("/admin", UriKind.Relative), Ct)).StatusCode.ShouldBe(HttpStatusCode.OK);

        using var second = NewClient();
        using var secondSignIn = await PostLoginAsync(second, email, Password);
        secondSignIn.Headers.Location!.ToString().ShouldContain("/Account/LoginWith2fa");
        var codePage = await second.GetStringAsync(secondSignIn.Headers.Location, Ct);
        using var wrong = await PostAsync(second, secondSignIn.Headers.Location!, codePage, "login-2fa", new() { ["Input.Code"] = OtherThan(Totp.Code(key, DateTimeOffset.UtcNow)) });
        (await wrong.Content.ReadAsStringAsync(Ct)).ShouldContain("인증 코드가 올바르지 않습니다");
        (await second.GetAsync(new Uri("/admin", UriKind.Relative), Ct)).StatusCode.ShouldBe(HttpStatusCode.Redirect);

        await SignedInClient.EnterCodeAsync(second, secondSignIn.Headers.Location!, key);
        (await second.GetAsync(new Uri("/admin", UriKind.Relative), Ct)).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task ShouldAcceptARecoveryCodeOnce()
    {
        var email = await NewStaffAsync(Roles.Gate);
        (await SignedInClient.CreateAsync(app.Factory, email, Password)).Dispose();
        string recovery;
        await using (var scope = app.Factory.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
            recovery = (await users.GenerateNewTwoFactorRecoveryCodesAsync((await users.FindByEmailAsync(email))!, 2))!.First();
        }

        (await SignInWithRecoveryCodeAsync(email, recovery)).ShouldBeTrue();
        (await SignInWithRecoveryCodeAsync(email, recovery)).ShouldBeFalse();
    }

    private async Task<bool> SignInWithRecoveryCodeAsync(string email, string recovery)
    {
        using var client = NewClient();
        using var signIn = await PostLoginAsync(client, email, Password);
        var page = await client.GetStringAsync(signIn.Headers.Location, Ct);
        using var _ = await PostAsync(client, signIn.Headers.Location!, page, "login-2fa", new() { ["Input.Code"] = recovery, ["Input.UseRecoveryCode"] = "true" });
        using var gate = await client.GetAsync(new Uri("/gate/check-in", UriKind.Relative), Ct);
        return gate.StatusCode == HttpStatusCode.OK;
    }

    private async Task<string> NewStaffAsync(string role)
    {
        var email = $"staff-{Guid.NewGuid():N}@example.com";
        await TestAccounts.CreateStaffAsync(app.Factory.Services, email, Password, role);
        return email;
    }

    private HttpClient NewClient() => app.Factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

    private static async Task<HttpResponseMessage> PostLoginAsync(HttpClient client, string email, string password)
    {
        var form = await client.GetStringAsync(new Uri("/Account/Login", UriKind.Relative), Ct);
        var response = await PostAsync(client, new Uri("/Account/Login", UriKind.Relative), form, "login", new() { ["Input.Email"] = email, ["Input.Password"] = password });
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        return response;
    }

    private static async Task<HttpResponseMessage> PostAsync(HttpClient client, Uri target, string page, string handler, Dictionary<string, string> fields)
    {
        fields["_handler"] = handler;
        fields["__RequestVerificationToken"] = SignedInClient.FormToken(page);
        using var content = new FormUrlEncodedContent(fields);
        return await client.PostAsync(target, content, Ct);
    }

    private static string OtherThan(string code) => code == "000000" ? "000001" : "000000";
}
