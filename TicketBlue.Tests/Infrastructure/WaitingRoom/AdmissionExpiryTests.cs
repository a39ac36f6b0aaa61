using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Shouldly;
using TicketBlue.Infrastructure.WaitingRoom;

namespace TicketBlue.Tests.Infrastructure.WaitingRoom;

/// <summary>An admitted customer who holds no seats within five minutes loses the admission, and the next one comes in.</summary>
[Trait("Category", "Integration")]
public sealed class AdmissionExpiryTests(WaitingRoomApp app) : IClassFixture<WaitingRoomApp>
{
    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ShouldEndTheAdmission_AndLetTheNextIn_GivenNoHoldWithinFiveMinutes()
    {
        // One person at a time in the booking pages.
        var round = await app.NewRoundAsync(admissionPerMinute: 600, maxActive: 1);
        var idle = await app.NewCustomerAsync();
        var next = await app.NewCustomerAsync();
        await QueueCalls.JoinAsync(idle.Api, round.RoundId);
        await QueueCalls.JoinAsync(next.Api, round.RoundId);
        await TickAsync(round.RoundId);
        var idleToken = (await QueueCalls.PositionAsync(idle.Api, round.RoundId)).Token.ShouldNotBeNull();
        (await QueueCalls.PositionAsync(next.Api, round.RoundId)).Position.ShouldBe(1);

        // Five minutes pass; "next" keeps polling, "idle" never holds.
        app.Clock.Advance(TimeSpan.FromMinutes(5));
        await QueueCalls.PositionAsync(next.Api, round.RoundId);
        await TickAsync(round.RoundId);

        (await app.WaitingRoom.CheckAsync(round.RoundId, idle.UserId, idleToken, Cancellation)).ShouldBe(AdmissionCheck.Required);
        using var late = await QueueCalls.HoldAsync(idle.Api, round.RoundId, idleToken, round.SeatIds[0]);
        await QueueCalls.ShouldBeSentToTheQueueAsync(late, round.RoundId);
        var nextPosition = await QueueCalls.PositionAsync(next.Api, round.RoundId);
        nextPosition.Admitted.ShouldBeTrue();
        (await QueueCalls.PositionAsync(idle.Api, round.RoundId)).QueueNumber.ShouldBe(0);
    }

    [Fact]
    public async Task ShouldKeepTheAdmission_GivenTheCustomerHoldsSeats()
    {
        var round = await app.NewRoundAsync(admissionPerMinute: 600, maxActive: 1);
        var buyer = await app.NewCustomerAsync();
        var next = await app.NewCustomerAsync();
        await QueueCalls.JoinAsync(buyer.Api, round.RoundId);
        await QueueCalls.JoinAsync(next.Api, round.RoundId);
        await TickAsync(round.RoundId);
        var token = (await QueueCalls.PositionAsync(buyer.Api, round.RoundId)).Token.ShouldNotBeNull();
        using (var held = await QueueCalls.HoldAsync(buyer.Api, round.RoundId, token, round.SeatIds[1]))
        {
            held.StatusCode.ShouldBe(HttpStatusCode.Created);
        }

        app.Clock.Advance(TimeSpan.FromMinutes(5));
        await QueueCalls.PositionAsync(next.Api, round.RoundId);
        await TickAsync(round.RoundId);

        (await app.WaitingRoom.CheckAsync(round.RoundId, buyer.UserId, token, Cancellation)).ShouldBe(AdmissionCheck.Admitted);
        (await QueueCalls.PositionAsync(next.Api, round.RoundId)).Admitted.ShouldBeFalse();
    }

    [Fact]
    public async Task ShouldForgetTheLineInRedis_ADayAfterTheRoundStarts()
    {
        var round = await app.NewRoundAsync();
        var customer = await app.NewCustomerAsync();
        await QueueCalls.JoinAsync(customer.Api, round.RoundId);

        await TickAsync(round.RoundId);

        var keyspace = app.Factory.Services.GetRequiredService<WaitingRoomKeyspace>();
        var keys = new WaitingRoomKeys(keyspace.Database, round.RoundId);
        var expected = round.Catalog.Round.StartsAt + RoundWaitingRoom.KeptAfterStart - DateTimeOffset.UtcNow;
        // The customer was let in at once: the line itself is empty (and Redis drops empty keys); these remain.
        foreach (var key in new[] { keys.Users, keys.Owners, keys.Sequence, keys.Admitted, keys.Admissions })
        {
            var ttl = await keyspace.Redis.KeyTimeToLiveAsync(key);
            ttl.ShouldNotBeNull();
            ttl.Value.ShouldBeInRange(expected - TimeSpan.FromHours(1), expected + TimeSpan.FromHours(1));
        }
    }

    private async Task TickAsync(long roundId)
    {
        app.Clock.Advance(TimeSpan.FromSeconds(1));
        await app.Admitter.TickRoundAsync(roundId, Cancellation);
    }
}
