using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Shouldly;
using TicketBlue.Infrastructure.Jobs;
using TicketBlue.Infrastructure.Persistence;
using TicketBlue.Tests.Fixtures;
using TicketBlue.Tests.Infrastructure.Jobs;
using TicketBlue.Tests.Infrastructure.Notifications;

namespace TicketBlue.Tests.Infrastructure.Persistence;

[Trait("Category", "Integration")]
public sealed class IdempotencyCleanupJobTests(OutboxDatabase migrated) : IClassFixture<OutboxDatabase>
{
    private static readonly DateTimeOffset Now = DateTimeOffset.FromUnixTimeSeconds(DateTimeOffset.UtcNow.ToUnixTimeSeconds());

    [Fact]
    public async Task ShouldDeleteRecordsOlderThanTheReplayWindow_InChunks_AndKeepNewerOnes()
    {
        await using (var context = migrated.Database.CreateContext())
        {
            for (var i = 0; i < 3; i++)
            {
                context.IdempotencyRecords.Add(Record($"old-{i}", Now - IdempotencyRecord.ReplayWindow - TimeSpan.FromMinutes(1)));
            }

            context.IdempotencyRecords.Add(Record("recent", Now - IdempotencyRecord.ReplayWindow + TimeSpan.FromMinutes(1)));
            await context.SaveChangesAsync(TestContext.Current.CancellationToken);
        }

        var job = new IdempotencyCleanupJob(new TestDbContextFactory(migrated.Database), Options.Create(new CleanupOptions { BatchSize = 2 }));

        var run = await JobLoop.RunAsync(job, Now);

        run.Rows.ShouldBe(3);
        run.Chunks.ShouldBe(2);
        await using var check = migrated.Database.CreateContext();
        (await check.IdempotencyRecords.Select(record => record.Key).ToListAsync(TestContext.Current.CancellationToken)).ShouldBe(["user-1:recent"]);
    }

    private static IdempotencyRecord Record(string key, DateTimeOffset createdAt) => new()
    {
        Scope = "payments.confirm",
        Key = $"user-1:{key}",
        UserId = "user-1",
        RequestHash = new string('a', 64),
        IsCompleted = true,
        StatusCode = 200,
        ResponseBody = "{}",
        CreatedAt = createdAt,
        CompletedAt = createdAt,
    };
}
