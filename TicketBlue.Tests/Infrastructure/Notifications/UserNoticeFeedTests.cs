using System.Collections.Concurrent;
using Microsoft.Extensions.Logging.Abstractions;
using Shouldly;
using StackExchange.Redis;
using TicketBlue.Infrastructure.Notifications.InApp;
using TicketBlue.Tests.Fixtures;

namespace TicketBlue.Tests.Infrastructure.Notifications;

/// <summary>
/// In-app notices between two app nodes over the real Redis: each node has its own feed and its own
/// connection, as behind a load balancer. No sleeps: Redis delivers one channel's messages in order,
/// so once a later "probe" notice has arrived, anything published before it has arrived too.
/// </summary>
[Trait("Category", "Integration")]
public sealed class UserNoticeFeedTests : IAsyncLifetime
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    // Never created: the feed only takes the database's name for its channel, so each test class run talks on its own channel.
    private readonly MariaDbDatabase _database = new();
    private readonly List<IAsyncDisposable> _cleanup = [];
    private RedisUserNoticeFeed _nodeA = default!;
    private RedisUserNoticeFeed _nodeB = default!;

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _nodeA = await StartNodeAsync();
        _nodeB = await StartNodeAsync();
        await WaitUntilListeningAsync(_nodeA, _nodeB);
        await WaitUntilListeningAsync(_nodeB, _nodeA);
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var item in Enumerable.Reverse(_cleanup))
        {
            await item.DisposeAsync();
        }
    }

    [Fact]
    public async Task ShouldDeliverANoticeOnceOnEachNode_WithoutTheEchoDuplicatingItOnThePublishingNode()
    {
        var onA = new ConcurrentQueue<UserNotice>();
        var onB = new ConcurrentQueue<UserNotice>();
        using var pageOnA = _nodeA.Subscribe("minji", notice => Record(onA, notice));
        using var pageOnB = _nodeB.Subscribe("minji", notice => Record(onB, notice));
        var notice = Notice("minji", 9);

        await _nodeA.PublishAsync(notice);

        await WaitUntil(() => onB.Count == 1);
        onB.Single().ShouldBe(notice);
        // A's own copy comes back to A through Redis: once a probe from B has reached A, the echo has too.
        await ProbeAsync(from: _nodeB, to: _nodeA);
        await ProbeAsync(from: _nodeA, to: _nodeB);
        onA.ShouldBe([notice]);
        onB.ShouldBe([notice]);
    }

    [Fact]
    public async Task ShouldStopDelivering_AfterTheSubscriptionIsDisposed()
    {
        var onB = new ConcurrentQueue<UserNotice>();
        var pageOnB = _nodeB.Subscribe("minji", notice => Record(onB, notice));
        await _nodeA.PublishAsync(Notice("minji", 1));
        await WaitUntil(() => onB.Count == 1);

        pageOnB.Dispose();
        await _nodeA.PublishAsync(Notice("minji", 2));
        await ProbeAsync(from: _nodeA, to: _nodeB);

        onB.Select(notice => notice.ReservationId).ShouldBe([1L]);
    }

    [Fact]
    public async Task ShouldOnlyTellTheCustomerTheNoticeIsFor()
    {
        var forJun = new ConcurrentQueue<UserNotice>();
        using var junsPage = _nodeB.Subscribe("jun", notice => Record(forJun, notice));

        await _nodeA.PublishAsync(Notice("minji", 3));
        await ProbeAsync(from: _nodeA, to: _nodeB);

        forJun.ShouldBeEmpty();
    }

    private static UserNotice Notice(string userId, long reservationId) =>
        new(userId, UserNoticeKind.PaymentConfirmed, "결제가 완료되었습니다", reservationId, $"/reservations/{reservationId}", DateTimeOffset.FromUnixTimeSeconds(1_800_000_000));

    private static Task Record(ConcurrentQueue<UserNotice> queue, UserNotice notice)
    {
        queue.Enqueue(notice);
        return Task.CompletedTask;
    }

    private async Task<RedisUserNoticeFeed> StartNodeAsync()
    {
        var redis = await ConnectionMultiplexer.ConnectAsync(TestEnvironment.Redis);
        _cleanup.Add(redis);
        var feed = new RedisUserNoticeFeed(new TestDbContextFactory(_database), redis, NullLogger<RedisUserNoticeFeed>.Instance);
        await feed.StartAsync(Cancel);
        _cleanup.Add(new StopOnDispose(feed));
        return feed;
    }

    /// <summary>Publishes on <paramref name="from"/> until <paramref name="to"/> hears it: its Redis subscription is live.</summary>
    private static async Task WaitUntilListeningAsync(RedisUserNoticeFeed from, RedisUserNoticeFeed to)
    {
        var heard = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var probeUser = "probe-" + Guid.NewGuid().ToString("N");
        using var subscription = to.Subscribe(probeUser, _ =>
        {
            heard.TrySetResult();
            return Task.CompletedTask;
        });
        var deadline = DateTime.UtcNow + Patience;
        while (!heard.Task.IsCompleted)
        {
            DateTime.UtcNow.ShouldBeLessThan(deadline, "the other node never started listening");
            await from.PublishAsync(Notice(probeUser, 0));
            await Task.WhenAny(heard.Task, Task.Delay(100, Cancel));
        }
    }

    /// <summary>One notice through Redis from one node to the other; everything published before it has been delivered once it arrives.</summary>
    private static async Task ProbeAsync(RedisUserNoticeFeed from, RedisUserNoticeFeed to)
    {
        var heard = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var probeUser = "probe-" + Guid.NewGuid().ToString("N");
        using var subscription = to.Subscribe(probeUser, _ =>
        {
            heard.TrySetResult();
            return Task.CompletedTask;
        });
        await from.PublishAsync(Notice(probeUser, 0));
        await heard.Task.WaitAsync(Patience, Cancel);
    }

    private static async Task WaitUntil(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow + Patience;
        while (!condition())
        {
            DateTime.UtcNow.ShouldBeLessThan(deadline, "the notice did not arrive in time");
            await Task.Delay(20, Cancel);
        }
    }

    private sealed class StopOnDispose(RedisUserNoticeFeed feed) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            await feed.StopAsync(CancellationToken.None);
            feed.Dispose();
        }
    }
}
