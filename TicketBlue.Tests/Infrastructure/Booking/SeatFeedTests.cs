using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using Shouldly;
using TicketBlue.Domain.Booking;
using TicketBlue.Domain.Rounds;
using TicketBlue.Infrastructure.Booking;
using TicketBlue.Tests.Fixtures;

namespace TicketBlue.Tests.Infrastructure.Booking;

/// <summary>
/// The live seat feed between two nodes over the real Redis: what one node's customer holds or
/// releases reaches the other node's boards and viewers, and the sweep announces run-out holds.
/// </summary>
[Trait("Category", "Integration")]
public sealed class SeatFeedTests(BookingDatabase booking) : IClassFixture<BookingDatabase>
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(5);

    [Fact]
    public async Task ShouldShowAHoldMadeOnOneNode_OnTheOtherNodesBoardAndViewers()
    {
        var (round, seats) = await booking.CreateRoundAsync(DateTimeOffset.UtcNow);
        var customer = (await booking.CreateCustomersAsync(1))[0];
        using var nodeA = await StartNodeAsync();
        using var nodeB = await StartNodeAsync();
        var service = booking.CreateHoldService(nodeA.Feed, TimeProvider.System);
        (await nodeB.Feed.GetBoardAsync(round.Id, CancellationToken.None)).Seats[seats[0]].State.ShouldBe(SeatState.Available);
        var heard = new ConcurrentQueue<SeatStatus>();
        using var subscription = nodeB.Feed.Subscribe(round.Id, changes =>
        {
            foreach (var change in changes)
            {
                heard.Enqueue(change);
            }

            return Task.CompletedTask;
        });

        var hold = (await service.HoldAsync(customer, round.Id, [seats[0], seats[1]], CancellationToken.None)).Hold!;

        await Eventually(() => heard.Count(change => change.State == SeatState.Held) == 2);
        heard.ShouldAllBe(change => change.HolderUserId == customer && change.HoldExpiresAt == hold.ExpiresAt);
        var board = await nodeB.Feed.GetBoardAsync(round.Id, CancellationToken.None);
        board.Seats[seats[0]].ViewFor(customer, DateTimeOffset.UtcNow).ShouldBe(SeatView.HeldByMe);
        board.Seats[seats[0]].ViewFor("someone-else", DateTimeOffset.UtcNow).ShouldBe(SeatView.HeldByOthers);

        await service.ReleaseAsync(customer, hold.HoldId, CancellationToken.None);

        await Eventually(() => heard.Count(change => change.State == SeatState.Available) == 2);
        (await nodeB.Feed.GetBoardAsync(round.Id, CancellationToken.None)).AvailableSeatIds(DateTimeOffset.UtcNow).ShouldContain(seats[0]);
    }

    [Fact]
    public async Task ShouldRefuseASeatTheLiveBoardShowsTaken_NamingIt_AndStillLetTheDatabaseDecideFreeOnes()
    {
        var (round, seats) = await booking.CreateRoundAsync(DateTimeOffset.UtcNow);
        var customers = await booking.CreateCustomersAsync(2);
        using var node = await StartNodeAsync();
        node.Feed.IsLive.ShouldBeTrue();
        var service = booking.CreateHoldService(node.Feed, TimeProvider.System);
        (await service.HoldAsync(customers[0], round.Id, [seats[7]], CancellationToken.None)).Succeeded.ShouldBeTrue();

        var refused = await service.HoldAsync(customers[1], round.Id, [seats[6], seats[7]], CancellationToken.None);

        refused.Failure!.Code.ShouldBe("seat.unavailable");
        refused.Failure.LostSeats.Single().RoundSeatId.ShouldBe(seats[7]);
        refused.Failure.LostSeats.Single().Label.ShouldBe("1층 A구역 2열 3번");
        (await service.HoldAsync(customers[1], round.Id, [seats[6]], CancellationToken.None)).Succeeded.ShouldBeTrue();
    }

    [Fact]
    public void ShouldTalkOnAChannelOfItsOwnDatabase_SoAnotherDatabasesRoundOneIsNotThisOne()
    {
        var other = new MariaDbDatabase();

        var mine = RedisRoundSeatFeed.ChannelFor(new TestDbContextFactory(booking.Database));
        var theirs = RedisRoundSeatFeed.ChannelFor(new TestDbContextFactory(other));

        mine.ToString().ShouldBe($"tb:round-seats:{booking.Database.Name}");
        theirs.ShouldNotBe(mine);
    }

    [Fact]
    public async Task ShouldIgnoreAnOlderChange_ThatArrivesAfterANewerOne()
    {
        var (round, seats) = await booking.CreateRoundAsync(DateTimeOffset.UtcNow);
        using var node = await StartNodeAsync();
        var board = await node.Feed.GetBoardAsync(round.Id, CancellationToken.None);
        var version = board.Seats[seats[0]].Version;

        await node.Feed.PublishAsync(round.Id, [new SeatStatus(seats[0], SeatState.Sold, null, null) { Version = version + 2 }]);
        await node.Feed.PublishAsync(round.Id, [new SeatStatus(seats[0], SeatState.Held, "late", DateTimeOffset.UtcNow.AddMinutes(5)) { Version = version + 1 }]);

        (await node.Feed.GetBoardAsync(round.Id, CancellationToken.None)).Seats[seats[0]].State.ShouldBe(SeatState.Sold);
    }

    [Fact]
    public async Task ShouldFreeRunOutHolds_AndTellViewers_WhenTheSweepRuns()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.FromUnixTimeSeconds(DateTimeOffset.UtcNow.ToUnixTimeSeconds()));
        var (round, seats) = await booking.CreateRoundAsync(clock.GetUtcNow());
        var customer = (await booking.CreateCustomersAsync(1))[0];
        using var node = await StartNodeAsync(clock);
        var service = booking.CreateHoldService(node.Feed, clock);
        var hold = (await service.HoldAsync(customer, round.Id, [seats[5]], CancellationToken.None)).Hold!;
        var freed = new ConcurrentQueue<SeatStatus>();
        using var subscription = node.Feed.Subscribe(round.Id, changes =>
        {
            foreach (var change in changes.Where(change => change.State == SeatState.Available))
            {
                freed.Enqueue(change);
            }

            return Task.CompletedTask;
        });

        clock.Advance(HoldPolicy.Default.HoldDuration + TimeSpan.FromSeconds(1));
        var sweeper = new HoldSweeper(new TestDbContextFactory(booking.Database), node.Feed, Microsoft.Extensions.Options.Options.Create(new SeatFeedOptions()), clock, Microsoft.Extensions.Logging.Abstractions.NullLogger<HoldSweeper>.Instance);
        (await sweeper.SweepAsync(CancellationToken.None)).ShouldBeGreaterThanOrEqualTo(1);

        freed.Select(change => change.RoundSeatId).ShouldContain(seats[5]);
        await using var context = booking.Database.CreateContext();
        var seat = await context.RoundSeats.SingleAsync(candidate => candidate.Id == seats[5], TestContext.Current.CancellationToken);
        seat.State.ShouldBe(SeatState.Available);
        seat.HoldId.ShouldBeNull();
        (await context.SeatHolds.SingleAsync(candidate => candidate.Id == hold.HoldId, TestContext.Current.CancellationToken)).Status.ShouldBe(SeatHoldStatus.Expired);
    }

    [Fact]
    public async Task ShouldCatchUpABoardReadWithoutViewers_GivenAChangeWhoseMessageWasLost()
    {
        var (round, seats) = await booking.CreateRoundAsync(DateTimeOffset.UtcNow);
        using var node = await StartNodeAsync();
        (await node.Feed.GetBoardAsync(round.Id, CancellationToken.None)).Seats[seats[7]].State.ShouldBe(SeatState.Available);

        // A change this node never heard of (its message lost while Redis was away), straight in the database.
        await using (var context = booking.Database.CreateContext())
        {
            await context.RoundSeats
                .Where(seat => seat.Id == seats[7])
                .ExecuteUpdateAsync(set => set.SetProperty(seat => seat.State, SeatState.Sold).SetProperty(seat => seat.Version, seat => seat.Version + 1), TestContext.Current.CancellationToken);
        }

        await node.Feed.ResyncAsync(CancellationToken.None);

        (await node.Feed.GetBoardAsync(round.Id, CancellationToken.None)).Seats[seats[7]].State.ShouldBe(SeatState.Sold);
    }

    private static async Task Eventually(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow + Patience;
        while (!condition())
        {
            DateTime.UtcNow.ShouldBeLessThan(deadline, "the other node did not hear the change in time");
            await Task.Delay(20, TestContext.Current.CancellationToken);
        }
    }

    private async Task<Node> StartNodeAsync(TimeProvider? clock = null)
    {
        var feed = booking.CreateFeed(clock ?? TimeProvider.System);
        await feed.StartAsync(CancellationToken.None);

        // The subscription to Redis is made in the background at start.
        await Eventually(() => feed.IsListening);
        return new Node(feed);
    }

    private sealed class Node(RedisRoundSeatFeed feed) : IDisposable
    {
        public RedisRoundSeatFeed Feed { get; } = feed;

        public void Dispose()
        {
            Feed.StopAsync(CancellationToken.None).GetAwaiter().GetResult();
            Feed.Dispose();
        }
    }
}
