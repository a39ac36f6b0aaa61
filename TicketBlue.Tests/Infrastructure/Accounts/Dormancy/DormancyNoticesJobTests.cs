using Microsoft.EntityFrameworkCore;
using Shouldly;
using TicketBlue.Infrastructure.Accounts.Dormancy;
using TicketBlue.Infrastructure.Jobs;
using TicketBlue.Infrastructure.Notifications.Templates;

namespace TicketBlue.Tests.Infrastructure.Accounts.Dormancy;

/// <summary>
/// 휴면 예정 안내 on real MariaDB: the SQL tells exactly the accounts the domain rule names, once per
/// account and period (a rerun or a resumed run queues nothing more), admins never, and a customer
/// who signs in starts a new period that gets its own notice when it ends.
/// </summary>
[Trait("Category", "Integration")]
public sealed class DormancyNoticesJobTests(DormancyDatabase db) : IClassFixture<DormancyDatabase>
{
    private static readonly System.Text.Json.JsonSerializerOptions WebJson = new(System.Text.Json.JsonSerializerDefaults.Web);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ShouldTellExactlyTheAccountsTheDomainRuleSays_InKorean_WithTheDayOfTheConversion()
    {
        await db.ResetAsync();
        var grid = TestAccount.Grid(DormancyDatabase.Now);
        foreach (var account in grid)
        {
            await db.AddAccountAsync(account);
        }

        var expected = grid
            .Where(account => !account.IsAdmin && DormancyDatabase.Policy.IsNoticeDue(account.LastActivity, account.NoticedAt, DormancyDatabase.Now))
            .ToDictionary(account => account.Id);
        expected.Count.ShouldBeGreaterThan(5);

        var rows = await RunToEndAsync(Job(chunkSize: 4), null);

        var notices = await NoticesAsync();
        rows.ShouldBe(expected.Count);
        notices.Select(notice => notice.UserId).Order(StringComparer.Ordinal).ShouldBe(expected.Keys.Order(StringComparer.Ordinal));
        foreach (var notice in notices)
        {
            var account = expected[notice.UserId!];
            notice.Recipient.ShouldBe(account.Email);
            notice.DeduplicationKey.ShouldBe(DormancyNoticesJob.DeduplicationKey(account.Id, account.LastActivity));
            var payload = System.Text.Json.JsonSerializer.Deserialize<DormancyNoticePayload>(notice.PayloadJson, WebJson)!;
            payload.DormantOn.ShouldBe(DormancyDatabase.Policy.DormantOn(account.LastActivity, DormancyDatabase.Now));
        }

        var mail = NotificationTemplates.Render(DormancyNoticeTemplate.Name, notices[0].PayloadJson);
        mail.Subject.ShouldContain("휴면 계정 전환 예정 안내");
        mail.TextBody.ShouldContain("로그인하시면 계정이 그대로 유지됩니다");
        mail.TextBody.ShouldContain("분리해 따로 보관");
        mail.TextBody.ShouldContain("365일");

        await using var context = db.Database.CreateContext();
        var noticed = await context.Users.AsNoTracking().Where(user => user.DormancyNoticedAt == DormancyDatabase.Now).Select(user => user.Id).ToListAsync(Ct);
        var toldBefore = grid.Where(account => account.NoticedAt == DormancyDatabase.Now).Select(account => account.Id);
        noticed.Order(StringComparer.Ordinal).ShouldBe(expected.Keys.Union(toldBefore).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task ShouldQueueNothingMore_GivenASecondRunOrARunKilledAndResumed()
    {
        await db.ResetAsync();
        var grid = TestAccount.Grid(DormancyDatabase.Now);
        foreach (var account in grid)
        {
            await db.AddAccountAsync(account);
        }

        var killed = Job(chunkSize: 3);
        var first = await killed.RunChunkAsync(new JobRunContext(1, DormancyDatabase.Now, null), Ct);
        first.Done.ShouldBeFalse();
        await RunToEndAsync(Job(chunkSize: 3), first.Checkpoint);
        var afterResume = (await NoticesAsync()).Select(notice => notice.DeduplicationKey).ToList();

        await db.ResetAsync();
        foreach (var account in grid)
        {
            await db.AddAccountAsync(account);
        }

        await RunToEndAsync(Job(chunkSize: 3), null);
        var uninterrupted = (await NoticesAsync()).Select(notice => notice.DeduplicationKey).ToList();
        var again = await RunToEndAsync(Job(chunkSize: 3), null);

        afterResume.ShouldBe(uninterrupted);
        again.ShouldBe(0);
        (await NoticesAsync()).Select(notice => notice.DeduplicationKey).ShouldBe(uninterrupted);
    }

    [Fact]
    public async Task ShouldTellAgainOnlyForANewPeriod_GivenTheCustomerSignedInMeanwhile()
    {
        await db.ResetAsync();
        var account = new TestAccount("user-period", DormancyDatabase.Now.AddDays(-900), DormancyDatabase.Now.AddDays(-340), null);
        await db.AddAccountAsync(account);
        await RunToEndAsync(Job(chunkSize: 10), null);

        // Signs in: nothing is due for the next 335 days, however often the job runs.
        var signedIn = DormancyDatabase.Now.AddDays(2);
        await db.ExecuteAsync($"UPDATE AspNetUsers SET LastLoginAt = '{signedIn.UtcDateTime:yyyy-MM-dd HH:mm:ss}' WHERE Id = '{account.Id}'");
        (await RunToEndAsync(Job(chunkSize: 10), null, DormancyDatabase.Now.AddDays(30))).ShouldBe(0);
        (await RunToEndAsync(Job(chunkSize: 10), null, signedIn.AddDays(335))).ShouldBe(1);

        var keys = (await NoticesAsync()).Select(notice => notice.DeduplicationKey).ToList();
        keys.ShouldBe([DormancyNoticesJob.DeduplicationKey(account.Id, account.LastActivity), DormancyNoticesJob.DeduplicationKey(account.Id, signedIn)], ignoreOrder: true);
    }

    [Fact]
    public async Task ShouldNeverTellAnAdmin()
    {
        await db.ResetAsync();
        await db.AddAccountAsync(new TestAccount("admin-quiet", DormancyDatabase.Now.AddYears(-5), DormancyDatabase.Now.AddYears(-2), null, IsAdmin: true));

        (await RunToEndAsync(Job(chunkSize: 10), null)).ShouldBe(0);
        (await NoticesAsync()).ShouldBeEmpty();
    }

    private DormancyNoticesJob Job(int chunkSize) => new(db.Contexts, DormancyDatabase.Options(chunkSize));

    private static async Task<int> RunToEndAsync(DormancyNoticesJob job, string? checkpoint, DateTimeOffset? startedAt = null)
    {
        var rows = 0;
        for (var chunks = 0; chunks < 1_000; chunks++)
        {
            var chunk = await job.RunChunkAsync(new JobRunContext(1, startedAt ?? DormancyDatabase.Now, checkpoint), Ct);
            rows += chunk.Rows;
            if (chunk.Done)
            {
                return rows;
            }

            checkpoint = chunk.Checkpoint;
        }

        throw new InvalidOperationException("The job never finished.");
    }

    private async Task<List<TicketBlue.Domain.Notifications.Notification>> NoticesAsync()
    {
        await using var context = db.Database.CreateContext();
        return await context.Notifications.AsNoTracking()
            .Where(notification => notification.Template == DormancyNoticeTemplate.Name)
            .OrderBy(notification => notification.DeduplicationKey)
            .ToListAsync(Ct);
    }
}
