using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Shouldly;
using TicketBlue.Domain.Notifications;
using TicketBlue.Infrastructure.Jobs;
using TicketBlue.Infrastructure.Notifications;
using TicketBlue.Tests.Fixtures;
using TicketBlue.Tests.Infrastructure.Jobs;

namespace TicketBlue.Tests.Infrastructure.Notifications;

[Trait("Category", "Integration")]
public sealed class NotificationCleanupJobTests(OutboxDatabase outbox) : IClassFixture<OutboxDatabase>
{
    private static readonly DateTimeOffset Now = DateTimeOffset.FromUnixTimeSeconds(DateTimeOffset.UtcNow.ToUnixTimeSeconds());

    [Fact]
    public async Task ShouldDeleteOnlyDeliveredRowsPastRetention_InChunks_AndNothingOnASecondRun()
    {
        await outbox.ClearAsync();
        var oldSent = new List<Guid>();
        for (var i = 0; i < 5; i++)
        {
            oldSent.Add(await QueueAsync(sentDaysAgo: 100));
        }

        var recentSent = await QueueAsync(sentDaysAgo: 10);
        var oldPending = await QueueAsync(sentDaysAgo: null, createdDaysAgo: 100);
        var oldDead = await QueueAsync(sentDaysAgo: null, createdDaysAgo: 100, dead: true);
        var job = new NotificationCleanupJob(new TestDbContextFactory(outbox.Database), Options.Create(new CleanupOptions { BatchSize = 2 }));

        var first = await JobLoop.RunAsync(job, Now);
        var second = await JobLoop.RunAsync(job, Now);

        first.Rows.ShouldBe(5);
        first.Chunks.ShouldBe(3);
        second.Rows.ShouldBe(0);
        await using var context = outbox.Database.CreateContext();
        var left = await context.Notifications.Select(notification => notification.Id).ToListAsync(TestContext.Current.CancellationToken);
        left.ShouldBe([recentSent, oldPending, oldDead], ignoreOrder: true);
    }

    private async Task<Guid> QueueAsync(int? sentDaysAgo, int createdDaysAgo = 0, bool dead = false)
    {
        var created = Now.AddDays(-(sentDaysAgo ?? createdDaysAgo));
        var notification = Notification.Queue(NotificationChannel.Email, "reservation-confirmed", "user@example.com", null, "{}", $"test:{Guid.NewGuid():N}", created);
        if (sentDaysAgo is not null)
        {
            notification.MarkSent(created);
        }

        for (var attempt = 0; dead && attempt < Notification.MaxAttempts; attempt++)
        {
            notification.MarkFailed("relay down", created);
        }

        await using var context = outbox.Database.CreateContext();
        context.Notifications.Add(notification);
        await context.SaveChangesAsync();
        return notification.Id;
    }
}
