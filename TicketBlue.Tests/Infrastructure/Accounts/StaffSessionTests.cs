using System.Net;
using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Shouldly;
using TicketBlue.Domain.Accounts;
using TicketBlue.Infrastructure.Accounts;
using TicketBlue.Tests.Fixtures;

namespace TicketBlue.Tests.Infrastructure.Accounts;

/// <summary>
/// Staff sessions end (issue 16): 30 idle minutes, 12 hours however busy, and a removed role, dormancy or a
/// new password ends open circuits at their next check (each minute) and cookies at their next request a
/// minute on. The app runs on a fake clock, real MariaDB and real Redis.
/// </summary>
[Trait("Category", "Integration")]
public sealed class StaffSessionTests(AppWithClock app) : IClassFixture<AppWithClock>
{
    private const string Password = "correct horse battery staple";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ShouldKeepAnActiveSession_AndEndItAfterThirtyIdleMinutes()
    {
        var principal = await SignedInPrincipalAsync(await NewStaffAsync(Roles.Admin));

        app.Clock.Advance(TimeSpan.FromMinutes(25));
        (await IsSessionLiveAsync(principal, recordActivity: true)).ShouldBeTrue();
        app.Clock.Advance(TimeSpan.FromMinutes(25));
        (await IsSessionLiveAsync(principal, recordActivity: false)).ShouldBeTrue();
        app.Clock.Advance(TimeSpan.FromMinutes(6));

        (await IsSessionLiveAsync(principal, recordActivity: false)).ShouldBeFalse();
        (await IsSessionLiveAsync(principal, recordActivity: true)).ShouldBeFalse("activity after the idle limit does not revive the session");
    }

    [Fact]
    public async Task ShouldEndASessionTwelveHoursAfterSigningIn_HoweverBusy()
    {
        var principal = await SignedInPrincipalAsync(await NewStaffAsync(Roles.Gate));
        for (var elapsed = TimeSpan.Zero; elapsed < StaffSessionPolicy.AbsoluteLifetime; elapsed += TimeSpan.FromMinutes(20))
        {
            (await IsSessionLiveAsync(principal, recordActivity: true)).ShouldBeTrue();
            app.Clock.Advance(TimeSpan.FromMinutes(20));
        }

        app.Clock.Advance(TimeSpan.FromMinutes(1));
        (await IsSessionLiveAsync(principal, recordActivity: true)).ShouldBeFalse();
    }

    [Theory]
    [InlineData("demoted")]
    [InlineData("dormant")]
    [InlineData("new password")]
    public async Task ShouldSignAnOpenCircuitOut_AtItsNextCheckAMinuteLater(string change)
    {
        var userId = await NewStaffAsync(Roles.Admin);
        var principal = await SignedInPrincipalAsync(userId);
        using var circuit = new CircuitCheck(app);
        (await circuit.ValidateAsync(principal)).ShouldBeTrue();

        await ChangeAsync(userId, change);

        circuit.Interval.ShouldBeLessThanOrEqualTo(TimeSpan.FromMinutes(1));
        (await circuit.ValidateAsync(principal)).ShouldBeFalse();
    }

    [Fact]
    public async Task ShouldEndAnOpenCircuitThatWentIdle()
    {
        var principal = await SignedInPrincipalAsync(await NewStaffAsync(Roles.Gate));
        using var circuit = new CircuitCheck(app);

        app.Clock.Advance(TimeSpan.FromMinutes(31));

        (await circuit.ValidateAsync(principal)).ShouldBeFalse();
    }

    [Fact]
    public async Task ShouldTakeTheAdminRoleFromADemotedAdminsCookie_WithinAMinute()
    {
        var email = UniqueEmail();
        var userId = await TestAccounts.CreateStaffAsync(app.Factory.Services, email, Password, Roles.Admin);
        using var client = await SignedInClient.CreateAsync(app.Factory, email, Password);
        for (var i = 0; i < 3; i++)
        {
            // An active admin: requests keep coming, each of them once re-issued the cookie and hid it from the stamp check.
            using var served = await client.GetAsync(new Uri("/admin", UriKind.Relative), Ct);
            served.StatusCode.ShouldBe(HttpStatusCode.OK);
            app.Clock.Advance(TimeSpan.FromSeconds(20));
        }

        await ChangeAsync(userId, "demoted");
        app.Clock.Advance(TimeSpan.FromSeconds(61));
        using var refused = await client.GetAsync(new Uri("/admin", UriKind.Relative), Ct);

        refused.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        refused.Headers.Location!.ToString().ShouldContain("/Account/AccessDenied");
    }

    [Fact]
    public async Task ShouldSendAnAdminBackToSignIn_AfterThirtyIdleMinutes()
    {
        var email = UniqueEmail();
        await TestAccounts.CreateStaffAsync(app.Factory.Services, email, Password, Roles.Admin);
        using var client = await SignedInClient.CreateAsync(app.Factory, email, Password);
        app.Clock.Advance(TimeSpan.FromMinutes(20));
        using (var served = await client.GetAsync(new Uri("/admin", UriKind.Relative), Ct))
        {
            served.StatusCode.ShouldBe(HttpStatusCode.OK);
        }

        app.Clock.Advance(TimeSpan.FromMinutes(31));
        using var refused = await client.GetAsync(new Uri("/admin", UriKind.Relative), Ct);

        refused.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        refused.Headers.Location!.ToString().ShouldContain("/Account/Login");
    }

    private static string UniqueEmail() => $"staff-{Guid.NewGuid():N}@example.com";

    private Task<string> NewStaffAsync(string role) => TestAccounts.CreateStaffAsync(app.Factory.Services, UniqueEmail(), Password, role);

    /// <summary>The principal a sign-in would put in the cookie, with its session begun as the cookie's sign-in event begins it.</summary>
    private async Task<ClaimsPrincipal> SignedInPrincipalAsync(string userId)
    {
        await using var scope = app.Factory.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var principal = await scope.ServiceProvider.GetRequiredService<SignInManager<ApplicationUser>>().CreateUserPrincipalAsync((await users.FindByIdAsync(userId))!);
        var sessionId = SessionClaims.Begin((ClaimsIdentity)principal.Identity!, app.Clock.GetUtcNow());
        await scope.ServiceProvider.GetRequiredService<StaffSessionActivity>().BeginAsync(sessionId);
        return principal;
    }

    private async Task<bool> IsSessionLiveAsync(ClaimsPrincipal principal, bool recordActivity)
    {
        await using var scope = app.Factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<StaffSessionCheck>().IsSessionLiveAsync(principal, recordActivity);
    }

    private async Task ChangeAsync(string userId, string change)
    {
        await using var scope = app.Factory.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var user = (await users.FindByIdAsync(userId))!;
        var result = change switch
        {
            "demoted" => await users.RemoveFromRoleAsync(user, Roles.Admin),
            "new password" => await users.ChangePasswordAsync(user, Password, "another long passphrase 2026"),
            _ => await MakeDormantAsync(users, user),
        };
        result.Succeeded.ShouldBeTrue();
    }

    private static Task<IdentityResult> MakeDormantAsync(UserManager<ApplicationUser> users, ApplicationUser user)
    {
        user.IsDormant = true;
        return users.UpdateAsync(user);
    }
}
