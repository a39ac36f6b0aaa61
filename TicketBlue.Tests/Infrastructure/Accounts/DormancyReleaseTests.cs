using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Shouldly;
using TicketBlue.Infrastructure.Accounts;
using TicketBlue.Infrastructure.Accounts.Dormancy;
using TicketBlue.Infrastructure.Jobs;
using TicketBlue.Infrastructure.Notifications.Templates;
using TicketBlue.Tests.Fixtures;

namespace TicketBlue.Tests.Infrastructure.Accounts;

/// <summary>
/// 휴면 해제 end to end on the real app: an account the job made dormant cannot be found by its e-mail,
/// a wrong password is answered like any wrong password, the right one mails the link to the separated
/// address (an audited read), the link brings the data back (audited) and works once, and the account
/// signs in again. Meanwhile nobody can sign up with its e-mail.
/// </summary>
[Trait("Category", "Integration")]
public sealed class DormancyReleaseTests(AppWithDatabase app) : IClassFixture<AppWithDatabase>
{
    private const string Password = "correct horse battery staple";

    private static readonly IPAddress Client = IPAddress.Parse("203.0.113.77");

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ShouldReleaseADormantAccountThroughTheMailedLink_OnlyAfterTheRightPassword()
    {
        var email = UniqueEmail();
        var userId = await MakeDormantAsync(email);
        await using (var scope = app.Factory.Services.CreateAsyncScope())
        {
            (await scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>().FindByEmailAsync(email)).ShouldBeNull();
        }

        (await SignInAsync(email, "a wrong password for sure")).ShouldBe(SignInOutcome.Failed);
        (await ReleaseMailsAsync(userId)).ShouldBeEmpty();

        (await SignInAsync(email, Password)).ShouldBe(SignInOutcome.Dormant);
        var mail = (await ReleaseMailsAsync(userId)).ShouldHaveSingleItem();
        mail.Recipient.ShouldBe(email);
        NotificationTemplates.Render(mail.Template, mail.PayloadJson).TextBody.ShouldContain("휴면 해제하기");
        (await AuditActionsAsync(userId)).ShouldBe(["dormant-data.read"]);

        using var client = app.Factory.CreateClient();
        var link = new Uri(new Uri(JsonDocument.Parse(mail.PayloadJson).RootElement.GetProperty("link").GetString()!).PathAndQuery, UriKind.Relative);
        var page = await client.GetStringAsync(link, Ct);

        page.ShouldContain("휴면 상태가 해제되었습니다");
        await using (var scope = app.Factory.Services.CreateAsyncScope())
        {
            var user = (await scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>().FindByEmailAsync(email)).ShouldNotBeNull();
            (user.Id, user.IsDormant, user.DisplayName, user.UserName, user.EmailConfirmed).ShouldBe((userId, false, "휴면고객", email, true));
        }

        (await AuditActionsAsync(userId)).ShouldBe(["dormant-data.read", "dormant-data.restored"], ignoreOrder: true);
        await using (var context = app.Database.CreateContext())
        {
            (await context.DormantPersonalData.CountAsync(data => data.UserId == userId, Ct)).ShouldBe(0);
        }

        (await SignInAsync(email, Password)).ShouldBe(SignInOutcome.Succeeded);
        (await client.GetStringAsync(link, Ct)).ShouldContain("인증 링크를 확인할 수 없습니다");
    }

    [Fact]
    public async Task ShouldKeepADormantAccountsEmailTaken()
    {
        var email = UniqueEmail();
        await MakeDormantAsync(email);
        await using var scope = app.Factory.Services.CreateAsyncScope();

        var result = await scope.ServiceProvider.GetRequiredService<AccountService>().SignUpCustomerAsync(email.ToUpperInvariant(), "가로채기", Password);

        // Taken, though the page answers as for a new sign-up (no enumeration).
        result.Succeeded.ShouldBeFalse();
        result.AddressTaken.ShouldBeTrue();
    }

    [Fact]
    public async Task ShouldAnswerTheTokenEndpointDormantOnlyForTheRightPassword()
    {
        var email = UniqueEmail();
        await MakeDormantAsync(email);
        using var client = app.Factory.CreateClient();

        using var wrong = await client.PostAsync(new Uri("/api/v1/auth/token", UriKind.Relative), JsonContent(email, "a wrong password for sure"), Ct);
        using var right = await client.PostAsync(new Uri("/api/v1/auth/token", UriKind.Relative), JsonContent(email, Password), Ct);

        wrong.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        right.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await right.Content.ReadAsStringAsync(Ct)).ShouldContain("auth.dormant");
    }

    [Fact]
    public async Task ShouldNotRecordASignInOnADormantAccount()
    {
        var userId = await MakeDormantAsync(UniqueEmail());
        await using var scope = app.Factory.Services.CreateAsyncScope();

        (await scope.ServiceProvider.GetRequiredService<AccountService>().RecordSignInAsync(userId)).ShouldBeFalse();
    }

    private static string UniqueEmail() => $"dormant-{Guid.NewGuid():N}@example.com";

    private static StringContent JsonContent(string email, string password) =>
        new(JsonSerializer.Serialize(new { email, password }), System.Text.Encoding.UTF8, "application/json");

    /// <summary>Signs up, backdates the account two years with a notice 40 days old, and runs the dormant-account job of the app.</summary>
    private async Task<string> MakeDormantAsync(string email)
    {
        string userId;
        await using (var scope = app.Factory.Services.CreateAsyncScope())
        {
            var result = await scope.ServiceProvider.GetRequiredService<AccountService>().SignUpCustomerAsync(email, "휴면고객", Password);
            userId = result.UserId.ShouldNotBeNull();
        }

        var now = DateTimeOffset.UtcNow;
        await using (var context = app.Database.CreateContext())
        {
            await context.Users.Where(user => user.Id == userId).ExecuteUpdateAsync(
                update => update
                    .SetProperty(user => user.CreatedAt, now.AddYears(-3))
                    .SetProperty(user => user.LastLoginAt, now.AddYears(-2))
                    .SetProperty(user => user.DormancyNoticedAt, now.AddDays(-40)),
                Ct);
        }

        await using (var scope = app.Factory.Services.CreateAsyncScope())
        {
            var job = scope.ServiceProvider.GetServices<IBatchJob>().OfType<DormantAccountsJob>().ShouldHaveSingleItem();
            JobChunk chunk;
            string? checkpoint = null;
            do
            {
                chunk = await job.RunChunkAsync(new JobRunContext(1, now, checkpoint), Ct);
                checkpoint = chunk.Checkpoint;
            }
            while (!chunk.Done);
        }

        await using (var context = app.Database.CreateContext())
        {
            (await context.Users.SingleAsync(user => user.Id == userId, Ct)).IsDormant.ShouldBeTrue();
        }

        return userId;
    }

    private async Task<SignInOutcome> SignInAsync(string email, string password)
    {
        await using var scope = app.Factory.Services.CreateAsyncScope();
        var accessor = scope.ServiceProvider.GetRequiredService<Microsoft.AspNetCore.Http.IHttpContextAccessor>();
        accessor.HttpContext = new Microsoft.AspNetCore.Http.DefaultHttpContext { RequestServices = scope.ServiceProvider };
        var attempt = await scope.ServiceProvider.GetRequiredService<AccountService>().PasswordSignInAsync(email, password, remember: false, Client, new Uri("http://localhost/"));
        return attempt.Outcome;
    }

    private async Task<List<TicketBlue.Domain.Notifications.Notification>> ReleaseMailsAsync(string userId)
    {
        await using var context = app.Database.CreateContext();
        return await context.Notifications.AsNoTracking().Where(notification => notification.UserId == userId && notification.Template == DormancyReleaseTemplate.Name).ToListAsync(Ct);
    }

    private async Task<List<string>> AuditActionsAsync(string userId)
    {
        await using var context = app.Database.CreateContext();
        return await context.AuditLog.AsNoTracking().Where(entry => entry.EntityId == userId).Select(entry => entry.Action).ToListAsync(Ct);
    }
}
