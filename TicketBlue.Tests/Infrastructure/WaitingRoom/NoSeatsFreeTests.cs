using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Shouldly;
using TicketBlue.Domain.Rounds;
using TicketBlue.Domain.WaitingRoom;
using TicketBlue.Infrastructure.Booking;
using TicketBlue.Infrastructure.WaitingRoom;

namespace TicketBlue.Tests.Infrastructure.WaitingRoom;

/// <summary>
/// Nobody is let in to an empty seat map: while every seat is held or sold the line stands still and
/// says so, and it moves again, in order, as soon as a seat is given back.
/// </summary>
[Trait("Category", "Integration")]
public sealed class NoSeatsFreeTests(WaitingRoomApp app) : IClassFixture<WaitingRoomApp>
{
    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ShouldAdmitNobody_WhileNoSeatIsFree_AndSaySo_ThenLetTheFirstInWhenASeatIsGivenBack()
    {
        var round = await app.NewRoundAsync(admissionPerMinute: 6_000);
        await using (var context = app.Database.CreateContext())
        {
            // Before anything reads the round, so this node's board loads it sold out.
            await context.RoundSeats.Where(seat => seat.RoundId == round.RoundId)
                .ExecuteUpdateAsync(seat => seat.SetProperty(row => row.State, SeatState.Sold), Cancellation);
        }

        var users = Enumerable.Range(1, 3).Select(index => $"late-{index}-{Guid.NewGuid():N}").ToList();
        foreach (var user in users)
        {
            await app.WaitingRoom.JoinAsync(round.RoundId, user, Cancellation);
        }

        app.Clock.Advance(TimeSpan.FromSeconds(1));
        (await app.Admitter.TickRoundAsync(round.RoundId, Cancellation)).ShouldBe(0);
        foreach (var user in users)
        {
            var status = await app.WaitingRoom.StatusAsync(round.RoundId, user, Cancellation);
            status.NoSeatsFree.ShouldBeTrue();
            status.Standing.Kind.ShouldBe(StandingKind.Waiting);
            status.Token.ShouldBeNull();
        }

        // One seat is given back (a hold released elsewhere): the next tick lets exactly one person in, the first.
        await app.Factory.Services.GetRequiredService<IRoundSeatFeed>()
            .PublishAsync(round.RoundId, [new SeatStatus(round.SeatIds[0], SeatState.Available, null, null) { Version = 1_000 }]);
        app.Clock.Advance(TimeSpan.FromSeconds(1));
        (await app.Admitter.TickRoundAsync(round.RoundId, Cancellation)).ShouldBe(1);

        var first = await app.WaitingRoom.StatusAsync(round.RoundId, users[0], Cancellation);
        first.Admitted.ShouldBeTrue();
        first.NoSeatsFree.ShouldBeFalse();
        (await app.WaitingRoom.StatusAsync(round.RoundId, users[1], Cancellation)).Standing.Kind.ShouldBe(StandingKind.Waiting);
    }
}
