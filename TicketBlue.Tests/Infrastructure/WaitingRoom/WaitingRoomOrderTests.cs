using System.Security.Cryptography;
using Shouldly;
using TicketBlue.Domain.WaitingRoom;
using TicketBlue.Infrastructure.WaitingRoom;

namespace TicketBlue.Tests.Infrastructure.WaitingRoom;

/// <summary>Who comes first: a shuffle of the pre-queue anyone can recompute, then first come, first served.</summary>
[Trait("Category", "Integration")]
public sealed class WaitingRoomOrderTests(WaitingRoomApp app) : IClassFixture<WaitingRoomApp>
{
    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ShouldPutThePreQueueInTheSeedsRandomOrder_WhichEqualsThePublishedRecomputation()
    {
        // A rate of 1 a minute lets nobody in during the test: everyone stays in line to be looked at.
        var round = await app.NewRoundAsync(admissionPerMinute: 1, salesOpenAt: app.Clock.GetUtcNow().AddMinutes(30));
        var users = Enumerable.Range(1, 40).Select(index => $"pre-{index:D2}-{Guid.NewGuid():N}").ToList();
        var numbers = new Dictionary<string, long>();
        foreach (var user in users)
        {
            var joined = await app.WaitingRoom.JoinAsync(round.RoundId, user, Cancellation);
            joined.Phase.ShouldBe(QueuePhase.PreQueue);
            joined.Standing.Kind.ShouldBe(StandingKind.PreQueue);
            numbers[user] = joined.Standing.QueueNumber;
        }

        var before = await app.WaitingRoom.ProofAsync(round.RoundId, Cancellation);
        before!.Seed.ShouldBeNull();
        (await app.WaitingRoom.StatusAsync(round.RoundId, users[0], Cancellation)).Seed.ShouldBeNull();

        app.Clock.Advance(TimeSpan.FromMinutes(30));
        await app.Admitter.TickRoundAsync(round.RoundId, Cancellation);

        var after = await app.WaitingRoom.ProofAsync(round.RoundId, Cancellation);
        after!.Seed.ShouldNotBeNull();
        Convert.ToHexStringLower(SHA256.HashData(Convert.FromHexString(after.Seed))).ShouldBe(before.SeedHash);
        after.PreQueueNumbers.ShouldBe(numbers.Values.Order(), ignoreOrder: false);
        var recomputed = PreQueueShuffle.Order(ShuffleSeed.FromHex(after.Seed), after.PreQueueNumbers);
        after.Order.ShouldBe(recomputed);
        recomputed.ShouldNotBe(numbers.Values.Order().ToList());
        foreach (var user in users)
        {
            var status = await app.WaitingRoom.StatusAsync(round.RoundId, user, Cancellation);
            status.Standing.Kind.ShouldBe(StandingKind.Waiting);
            status.Standing.Position.ShouldBe(recomputed.ToList().IndexOf(numbers[user]) + 1);
            status.Seed.ShouldBe(after.Seed);
        }
    }

    [Fact]
    public async Task ShouldServeArrivalsAfterTheOpening_FirstComeFirstServed_BehindThePreQueue()
    {
        var round = await app.NewRoundAsync(admissionPerMinute: 1, salesOpenAt: app.Clock.GetUtcNow().AddMinutes(10));
        var early = $"early-{Guid.NewGuid():N}";
        await app.WaitingRoom.JoinAsync(round.RoundId, early, Cancellation);
        app.Clock.Advance(TimeSpan.FromMinutes(10));

        var late = Enumerable.Range(1, 5).Select(index => $"late-{index}-{Guid.NewGuid():N}").ToList();
        foreach (var user in late)
        {
            (await app.WaitingRoom.JoinAsync(round.RoundId, user, Cancellation)).Phase.ShouldBe(QueuePhase.Open);
            app.Clock.Advance(TimeSpan.FromMilliseconds(5));
        }

        await app.Admitter.TickRoundAsync(round.RoundId, Cancellation);

        (await app.WaitingRoom.StatusAsync(round.RoundId, early, Cancellation)).Standing.Position.ShouldBe(1);
        for (var index = 0; index < late.Count; index++)
        {
            (await app.WaitingRoom.StatusAsync(round.RoundId, late[index], Cancellation)).Standing.Position.ShouldBe(index + 2);
        }
    }

    [Fact]
    public async Task ShouldKeepOnePlacePerAccount_AndAdmitInOrder()
    {
        var round = await app.NewRoundAsync(admissionPerMinute: 120, maxActive: 100);
        var first = $"first-{Guid.NewGuid():N}";
        var second = $"second-{Guid.NewGuid():N}";
        var number = (await app.WaitingRoom.JoinAsync(round.RoundId, first, Cancellation)).Standing.QueueNumber;
        await app.WaitingRoom.JoinAsync(round.RoundId, second, Cancellation);

        // Another tab or device of the same account: the same number and place.
        var again = await app.WaitingRoom.JoinAsync(round.RoundId, first, Cancellation);
        again.Standing.QueueNumber.ShouldBe(number);
        again.Standing.Position.ShouldBe(1);

        // 120 a minute over one second: two in, first then second.
        await app.Admitter.TickRoundAsync(round.RoundId, Cancellation);
        (await app.WaitingRoom.StatusAsync(round.RoundId, first, Cancellation)).Admitted.ShouldBeTrue();
        (await app.WaitingRoom.StatusAsync(round.RoundId, second, Cancellation)).Admitted.ShouldBeTrue();
    }

    [Fact]
    public async Task ShouldKeepThePlaceWithinTheGracePeriod_AndSkipWhoeverStayedAwayLonger()
    {
        // 12 a minute: the two ticks below (1 s, then 5 s) make exactly one place.
        var round = await app.NewRoundAsync(admissionPerMinute: 12, maxActive: 100);
        var away = $"away-{Guid.NewGuid():N}";
        var back = $"back-{Guid.NewGuid():N}";
        var stays = $"stays-{Guid.NewGuid():N}";
        await app.WaitingRoom.JoinAsync(round.RoundId, away, Cancellation);
        var backNumber = (await app.WaitingRoom.JoinAsync(round.RoundId, back, Cancellation)).Standing.QueueNumber;
        await app.WaitingRoom.JoinAsync(round.RoundId, stays, Cancellation);

        // "back" closed the tab and reopens it within the 2-minute grace: same number, same place.
        app.Clock.Advance(TimeSpan.FromSeconds(90));
        var reopened = await app.WaitingRoom.JoinAsync(round.RoundId, back, Cancellation);
        reopened.Standing.QueueNumber.ShouldBe(backNumber);
        reopened.Standing.Position.ShouldBe(2);
        await app.WaitingRoom.StatusAsync(round.RoundId, stays, Cancellation);

        // "away" is not heard from for over two minutes: skipped at their turn, without using a place.
        app.Clock.Advance(TimeSpan.FromSeconds(60));
        await app.WaitingRoom.StatusAsync(round.RoundId, back, Cancellation);
        await app.WaitingRoom.StatusAsync(round.RoundId, stays, Cancellation);
        app.Clock.Advance(TimeSpan.FromSeconds(1));
        await app.Admitter.TickRoundAsync(round.RoundId, Cancellation);
        app.Clock.Advance(TimeSpan.FromSeconds(5));
        await app.Admitter.TickRoundAsync(round.RoundId, Cancellation);

        (await app.WaitingRoom.StatusAsync(round.RoundId, away, Cancellation)).Standing.Kind.ShouldBe(StandingKind.None);
        (await app.WaitingRoom.StatusAsync(round.RoundId, back, Cancellation)).Admitted.ShouldBeTrue();
        (await app.WaitingRoom.StatusAsync(round.RoundId, stays, Cancellation)).Standing.Position.ShouldBe(1);
    }
}
