using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Shouldly;
using TicketBlue.Tests.Web.Api;

namespace TicketBlue.Tests.Infrastructure.WaitingRoom;

/// <summary>
/// The hold API behind a waiting room takes only a valid admission token: signed by us, for this
/// customer and this round, not expired. The token comes from the queue's position call once admitted.
/// </summary>
[Trait("Category", "Integration")]
public sealed class AdmissionTokenTests(WaitingRoomApp app) : IClassFixture<WaitingRoomApp>
{
    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ShouldHold_GivenTheCustomersOwnTokenForTheRound_AndRefuseWithoutOne()
    {
        var round = await app.NewRoundAsync();
        var customer = await app.NewCustomerAsync();
        var joined = await QueueCalls.JoinAsync(customer.Api, round.RoundId);
        joined.QueueRequired.ShouldBeTrue();
        joined.Position.ShouldBe(1);
        joined.QueueNumber.ShouldBeGreaterThan(0);

        using var early = await QueueCalls.HoldAsync(customer.Api, round.RoundId, null, round.SeatIds[0]);
        await QueueCalls.ShouldBeSentToTheQueueAsync(early, round.RoundId);

        var token = await AdmitAsync(round.RoundId, customer);
        using var held = await QueueCalls.HoldAsync(customer.Api, round.RoundId, token, round.SeatIds[0]);
        held.StatusCode.ShouldBe(HttpStatusCode.Created, await held.Content.ReadAsStringAsync(Cancellation));

        using var noToken = await QueueCalls.HoldAsync(customer.Api, round.RoundId, null, round.SeatIds[1]);
        await QueueCalls.ShouldBeSentToTheQueueAsync(noToken, round.RoundId);
    }

    [Fact]
    public async Task ShouldRefuse_GivenATokenForAnotherRound()
    {
        var first = await app.NewRoundAsync();
        var second = await app.NewRoundAsync();
        var customer = await app.NewCustomerAsync();
        await QueueCalls.JoinAsync(customer.Api, first.RoundId);
        await QueueCalls.JoinAsync(customer.Api, second.RoundId);
        var firstToken = await AdmitAsync(first.RoundId, customer);
        await AdmitAsync(second.RoundId, customer);

        // Admitted to both rounds, but the first round's token does not open the second.
        using var response = await QueueCalls.HoldAsync(customer.Api, second.RoundId, firstToken, second.SeatIds[0]);
        await QueueCalls.ShouldBeSentToTheQueueAsync(response, second.RoundId);
    }

    [Fact]
    public async Task ShouldRefuse_GivenAnotherCustomersToken()
    {
        var round = await app.NewRoundAsync();
        var mine = await app.NewCustomerAsync();
        var theirs = await app.NewCustomerAsync();
        await QueueCalls.JoinAsync(mine.Api, round.RoundId);
        await QueueCalls.JoinAsync(theirs.Api, round.RoundId);
        await AdmitAsync(round.RoundId, mine);
        var theirToken = await AdmitAsync(round.RoundId, theirs);

        using var response = await QueueCalls.HoldAsync(mine.Api, round.RoundId, theirToken, round.SeatIds[2]);
        await QueueCalls.ShouldBeSentToTheQueueAsync(response, round.RoundId);
    }

    [Fact]
    public async Task ShouldRefuse_GivenAForgedOrAlteredToken()
    {
        var round = await app.NewRoundAsync();
        var customer = await app.NewCustomerAsync();
        await QueueCalls.JoinAsync(customer.Api, round.RoundId);
        var token = await AdmitAsync(round.RoundId, customer);
        var altered = token[..^3] + (token[^3] == 'A' ? 'B' : 'A') + token[^2..];

        foreach (var forged in new[] { altered, "q1|1|someone|0|99999999999999", "not-a-token" })
        {
            using var response = await QueueCalls.HoldAsync(customer.Api, round.RoundId, forged, round.SeatIds[3]);
            await QueueCalls.ShouldBeSentToTheQueueAsync(response, round.RoundId);
        }
    }

    [Fact]
    public async Task ShouldRefuse_GivenAnExpiredToken()
    {
        var round = await app.NewRoundAsync();
        var customer = await app.NewCustomerAsync();
        await QueueCalls.JoinAsync(customer.Api, round.RoundId);
        var token = await AdmitAsync(round.RoundId, customer);
        var position = await QueueCalls.PositionAsync(customer.Api, round.RoundId);

        app.Clock.SetUtcNow(position.TokenExpiresAt!.Value);

        using var response = await QueueCalls.HoldAsync(customer.Api, round.RoundId, token, round.SeatIds[4]);
        await QueueCalls.ShouldBeSentToTheQueueAsync(response, round.RoundId);
    }

    [Fact]
    public async Task ShouldRefuseTheOrder_GivenAHoldButNoToken()
    {
        var round = await app.NewRoundAsync();
        var customer = await app.NewCustomerAsync();
        await QueueCalls.JoinAsync(customer.Api, round.RoundId);
        var token = await AdmitAsync(round.RoundId, customer);
        using var held = await QueueCalls.HoldAsync(customer.Api, round.RoundId, token, round.SeatIds[5]);
        var hold = await ApiCalls.ReadHoldAsync(held);

        using var order = await customer.Api.PostAsJsonAsync(new Uri("/api/v1/orders", UriKind.Relative), new { holdId = hold.HoldId }, Cancellation);

        await QueueCalls.ShouldBeSentToTheQueueAsync(order, round.RoundId);
    }

    [Fact]
    public async Task ShouldNotGateARound_WithoutAWaitingRoom()
    {
        await using var context = app.Database.CreateContext();
        var catalog = await Fixtures.TestCatalog.CreateAsync(context, app.Clock.GetUtcNow());
        var customer = await app.NewCustomerAsync();
        var seat = await context.RoundSeats.Where(candidate => candidate.RoundId == catalog.Round.Id).OrderBy(candidate => candidate.Id).Select(candidate => candidate.Id).FirstAsync(Cancellation);

        (await QueueCalls.JoinAsync(customer.Api, catalog.Round.Id)).QueueRequired.ShouldBeFalse();
        using var held = await QueueCalls.HoldAsync(customer.Api, catalog.Round.Id, null, seat);
        held.StatusCode.ShouldBe(HttpStatusCode.Created);
    }

    /// <summary>Lets the customer in (the round's rate lets a hundred in a second) and returns their token.</summary>
    private async Task<string> AdmitAsync(long roundId, Customer customer)
    {
        app.Clock.Advance(TimeSpan.FromSeconds(1));
        await app.Admitter.TickRoundAsync(roundId, Cancellation);
        var position = await QueueCalls.PositionAsync(customer.Api, roundId);
        position.Admitted.ShouldBeTrue();
        return position.Token.ShouldNotBeNull();
    }
}
