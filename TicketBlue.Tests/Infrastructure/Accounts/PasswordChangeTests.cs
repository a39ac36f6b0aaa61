using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Shouldly;
using TicketBlue.Tests.Fixtures;
using TicketBlue.Tests.Web.Api;
using static TicketBlue.Tests.Infrastructure.Accounts.AccountTestKit;

namespace TicketBlue.Tests.Infrastructure.Accounts;

/// <summary>
/// 내 정보's password change on the real app: the page needs the current password; afterwards the session
/// that changed it stays signed in, every other browser session is signed out at its next stamp check
/// (within a minute, on the app's clock) and the API refresh tokens issued before are refused.
/// </summary>
[Trait("Category", "Integration")]
public sealed class PasswordChangeTests(AppWithDatabase app) : IClassFixture<AppWithDatabase>
{
    private const string NewPassword = "a brand new passphrase";

    [Fact]
    public async Task ShouldSignOutOtherSessionsAndRefuseOldRefreshTokens_GivenAPasswordChange()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var clocked = app.Factory.WithWebHostBuilder(builder => builder.ConfigureTestServices(services =>
        {
            services.AddSingleton<TimeProvider>(clock);
            services.Configure<SecurityStampValidatorOptions>(options => options.TimeProvider = clock);
            services.PostConfigureAll<CookieAuthenticationOptions>(options => options.TimeProvider = clock);
        }));
        var email = UniqueEmail("password");
        await CustomerAsync(clocked.Services, email);
        using var here = await SignedInClient.CreateAsync(clocked, email, Password);
        using var elsewhere = await SignedInClient.CreateAsync(clocked, email, Password);
        using var api = clocked.CreateClient();
        var tokens = await ApiCalls.IssueTokenAsync(api, email, Password);

        using var changed = await PostFormAsync(here, "/Account/Manage", "manage-password", new Dictionary<string, string>
        {
            ["Password.CurrentPassword"] = Password,
            ["Password.NewPassword"] = NewPassword,
            ["Password.ConfirmPassword"] = NewPassword,
        });
        changed.StatusCode.ShouldBe(HttpStatusCode.OK, changed.Headers.Location?.ToString());
        (await changed.Content.ReadAsStringAsync(Ct)).ShouldContain("비밀번호를 바꿨습니다");

        clock.Advance(TimeSpan.FromMinutes(1) + TimeSpan.FromSeconds(1));
        using (var mine = await here.GetAsync(new Uri("/Account/Manage", UriKind.Relative), Ct))
        {
            mine.StatusCode.ShouldBe(HttpStatusCode.OK);
        }

        using (var theirs = await elsewhere.GetAsync(new Uri("/Account/Manage", UriKind.Relative), Ct))
        {
            theirs.StatusCode.ShouldBe(HttpStatusCode.Redirect);
            theirs.Headers.Location!.ToString().ShouldContain("Account/Login");
        }

        using var refreshed = await api.PostAsJsonAsync(new Uri("/api/v1/auth/refresh", UriKind.Relative), new { refreshToken = tokens.RefreshToken }, Ct);
        refreshed.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await ApiCalls.IssueTokenAsync(api, email, NewPassword)).AccessToken.ShouldNotBeNullOrEmpty();
    }

    [Fact]
    public async Task ShouldKeepThePassword_GivenAWrongCurrentPassword()
    {
        var email = UniqueEmail("password-wrong");
        await CustomerAsync(app.Factory.Services, email);
        using var client = await SignedInClient.CreateAsync(app.Factory, email, Password);

        using var refused = await PostFormAsync(client, "/Account/Manage", "manage-password", new Dictionary<string, string>
        {
            ["Password.CurrentPassword"] = "not the password at all",
            ["Password.NewPassword"] = NewPassword,
            ["Password.ConfirmPassword"] = NewPassword,
        });

        refused.StatusCode.ShouldBe(HttpStatusCode.OK, refused.Headers.Location?.ToString());
        var page = await refused.Content.ReadAsStringAsync(Ct);
        page.ShouldContain("account-error");
        page.ShouldNotContain("비밀번호를 바꿨습니다");
        using var stillOld = await SignedInClient.CreateAsync(app.Factory, email, Password);
    }
}
