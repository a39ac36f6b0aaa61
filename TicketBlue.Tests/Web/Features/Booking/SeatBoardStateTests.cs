using System.Collections.Immutable;
using Microsoft.Extensions.DependencyInjection;
using Shouldly;
using TicketBlue.Domain.Rounds;
using TicketBlue.Domain.Venues;
using TicketBlue.Infrastructure.Booking;
using TicketBlue.Web.Features.Booking;
using TicketBlue.Tests.Fixtures;

namespace TicketBlue.Tests.Web.Features.Booking;

/// <summary>One viewer's state of a round: what it costs, and the codes the browser is sent.</summary>
[Trait("Category", "Unit")]
public sealed class SeatBoardStateTests : SeatMapTestBase
{
    private const int LargestDemoHall = 3_744;

    [Fact]
    public void ShouldCostAViewerUnder100KB_GivenTheLargestDemoHall()
    {
        var layout = Hall(LargestDemoHall);
        var model = Services.GetRequiredService<SeatMapModels>().For(7, layout);
        var board = new RoundSeatBoard(
            7,
            layout.Seats.ToImmutableDictionary(seat => seat.RoundSeatId, seat => seat.RoundSeatId % 3 == 0 ? Held(seat.RoundSeatId, Someone, Now.AddMinutes(5)) : Free(seat.RoundSeatId, 1)),
            new Dictionary<long, SeatPrice>(),
            0);

        var before = GC.GetAllocatedBytesForCurrentThread();
        var state = new SeatBoardState(model, board, Me, 4, Now);
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        // Everything it allocated is an upper bound on what it keeps: about one byte a seat (versions,
        // holders and expiries stay in the board every viewer of the round shares).
        allocated.ShouldBeLessThan(8 * 1024);
        state.ViewOf(3).ShouldBe(SeatView.HeldByOthers);
        state.AvailableCount("R").ShouldBe(LargestDemoHall - (LargestDemoHall / 3));
    }

    [Fact]
    public void ShouldCodeEachSeatAsTheBrowserReadsIt_GivenHoldsPicksAndARunOutHold()
    {
        var model = Services.GetRequiredService<SeatMapModels>().For(RoundId, Layout);
        var state = new SeatBoardState(model, Board(Held(1, Me, Now.AddMinutes(5)), Held(2, Someone, Now.AddSeconds(30)), new SeatStatus(3, SeatState.Sold, null, null), new SeatStatus(4, SeatState.Blocked, null, null)), Me, 4, Now);
        state.Toggle(5).ShouldBe(SeatToggle.Selected);
        var codes = new byte[20];

        state.WriteCodes(codes);
        codes[..6].ShouldBe(new byte[] { 1, 2, 3, 4, SeatMapCodes.Selected, 0 });

        state.Refresh(Now.AddSeconds(29)).ShouldBeFalse();
        state.Refresh(Now.AddSeconds(30)).ShouldBeTrue();
        var later = new byte[20];
        state.WriteCodes(later);
        SeatMapCodes.Changes(codes, later).ShouldBe(new byte[] { 1, 0, 0, 0 });
    }

    [Fact]
    public void ShouldShowTheNewerOfAChangeAndTheBoard_GivenMessagesThatComeLateOrBeforeTheBoardHasThem()
    {
        var model = Services.GetRequiredService<SeatMapModels>().For(RoundId, Layout);
        var board = Board(Held(2, Someone, Now.AddMinutes(5), version: 4));
        var state = new SeatBoardState(model, board, Me, 4, Now);

        // Late: the board already has version 4.
        state.Apply([Free(2, version: 3)], board, Now).ShouldBeEmpty();
        state.ViewOf(2).ShouldBe(SeatView.HeldByOthers);

        // Early: the board read before the change reached it.
        state.Apply([Free(2, version: 5)], board, Now);
        state.ViewOf(2).ShouldBe(SeatView.Available);
        state.Apply([Held(3, Someone, Now.AddMinutes(1), version: 2)], board.With([Free(2, version: 5), Held(3, Someone, Now.AddMinutes(1), version: 2)]), Now);
        state.ViewOf(2).ShouldBe(SeatView.Available);
        state.ViewOf(3).ShouldBe(SeatView.HeldByOthers);

        // The hold that came as a change runs out like any other, read from the board.
        state.Refresh(Now.AddMinutes(1)).ShouldBeTrue();
        state.ViewOf(3).ShouldBe(SeatView.Available);
    }

    private static RoundSeatLayout Hall(int count)
    {
        var section = new RoundSeatSection(1, "A", 1);
        var seats = Enumerable.Range(1, count)
            .Select(id =>
            {
                var row = ((id - 1) / 50) + 1;
                var number = ((id - 1) % 50) + 1;
                var rowName = row.ToString(System.Globalization.CultureInfo.InvariantCulture);
                return new RoundSeatMapSeat(id, id, 1, "A", 1, rowName, number, number * 20, row * 20, "R", 110_000, false, SeatLabel.Format(1, "A", rowName, number));
            })
            .ToArray();
        return new RoundSeatLayout(1100, 1600, new StageArea(100, 0, 800, 10), [section], seats, [new RoundGradePrice("R", 110_000, count)]);
    }
}
