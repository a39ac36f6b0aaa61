using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Shouldly;
using TicketBlue.Infrastructure.Accounts;
using TicketBlue.Tests.Fixtures;
using static TicketBlue.Tests.Infrastructure.Accounts.AccountTestKit;

namespace TicketBlue.Tests.Infrastructure.Accounts;

/// <summary>
/// Wrong current passwords typed inside the account (내 정보's password change, withdrawal's re-authentication)
/// are counted like sign-in attempts (issue 16): past the free ones (5 from one address) the next try, even
/// with the right password, is refused unchecked with a 429 and a Korean sentence naming the wait, until the
/// wait (2 s, doubling) has passed on the app's clock. Real app, MariaDB and Redis; the clock stands still.
/// </summary>
[Trait("Category", "Integration")]
public sealed class CurrentPasswordThrottleTests(AppWithDatabase app) : IClassFixture<AppWithDatabase>
{
    private const string NewPassword = "a brand new passphrase";
    private const int FreeAttempts = 5;

    [Fact]
    public async Task ShouldRefuseThePasswordChange_AfterFiveWrongCurrentPasswords_UntilTheWaitIsOver()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var clocked = Clocked(clock);
        var email = UniqueEmail("throttle-change");
        var userId = await CustomerAsync(clocked.Services, email);
        using var client = await SignedInClient.CreateAsync(clocked, email, Password);

        var wrongAnswers = new List<HttpStatusCode>();
        for (var attempt = 0; attempt < FreeAttempts; attempt++)
        {
            using var wrong = await ChangePasswordAsync(client, "not the current password");
            wrongAnswers.Add(wrong.StatusCode);
        }

        using var refused = await ChangePasswordAsync(client, Password);
        var refusedPage = await refused.Content.ReadAsStringAsync(Ct);
        var unchanged = await HasPasswordAsync(clocked.Services, userId, Password);
        clock.Advance(TimeSpan.FromSeconds(2));
        using var later = await ChangePasswordAsync(client, Password);

        wrongAnswers.ShouldAllBe(status => status == HttpStatusCode.OK);
        refused.StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);
        refused.Headers.RetryAfter!.Delta.ShouldBe(TimeSpan.FromSeconds(2));
        refusedPage.ShouldContain("비밀번호를 여러 번 틀렸습니다. 계정 보호를 위해 2초 후에 다시 시도해 주세요.");
        unchanged.ShouldBeTrue("a throttled try is not checked, so the right password changes nothing");
        (await later.Content.ReadAsStringAsync(Ct)).ShouldContain("비밀번호를 바꿨습니다");
        (await HasPasswordAsync(clocked.Services, userId, NewPassword)).ShouldBeTrue();
    }

    [Fact]
    public async Task ShouldRefuseTheWithdrawalReauthentication_AfterFiveWrongPasswords()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var clocked = Clocked(clock);
        var email = UniqueEmail("throttle-withdraw");
        var userId = await CustomerAsync(clocked.Services, email);
        using var client = await SignedInClient.CreateAsync(clocked, email, Password);

        for (var attempt = 0; attempt < FreeAttempts; attempt++)
        {
            using var wrong = await ReauthenticateAsync(client, "not the password");
            (await wrong.Content.ReadAsStringAsync(Ct)).ShouldContain("비밀번호가 맞지 않습니다.");
        }

        using var refused = await ReauthenticateAsync(client, Password);

        refused.StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);
        (await refused.Content.ReadAsStringAsync(Ct)).ShouldContain("비밀번호를 여러 번 틀렸습니다.");
        await using var scope = clocked.Services.CreateAsyncScope();
        (await scope.ServiceProvider.GetRequiredService<RecentAuthentication>().IsRecentAsync(userId)).ShouldBeFalse();
    }

    private WebApplicationFactory<Program> Clocked(FakeTimeProvider clock) =>
        app.Factory.WithWebHostBuilder(builder => builder.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(clock)));

    private static Task<HttpResponseMessage> ChangePasswordAsync(HttpClient client, string currentPassword) =>
        PostFormAsync(client, "/Account/Manage", "manage-password", new Dictionary<string, string>
        {
            ["Password.CurrentPassword"] = currentPassword,
            ["Password.NewPassword"] = NewPassword,
            ["Password.ConfirmPassword"] = NewPassword,
        });

    private static Task<HttpResponseMessage> ReauthenticateAsync(HttpClient client, string password) =>
        PostFormAsync(client, "/Account/Withdraw", "withdraw-reauth", new Dictionary<string, string> { ["Reauth.Password"] = password });

    private static async Task<bool> HasPasswordAsync(IServiceProvider services, string userId, string password)
    {
        await using var scope = services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        return await users.CheckPasswordAsync((await users.FindByIdAsync(userId))!, password);
    }
}
