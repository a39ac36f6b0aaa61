using System.Collections.Immutable;
using Shouldly;
using TicketBlue.Domain.Rounds;
using TicketBlue.Infrastructure.Booking;

namespace TicketBlue.Tests.Infrastructure.Booking;

[Trait("Category", "Unit")]
public sealed class RoundSeatBoardTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 26, 1, 0, 0, TimeSpan.Zero);

    [Fact]
    public void ShouldFreeAHeldSeat_TheMomentItsHoldRunsOut_EvenWhenAvailabilityWasReadBefore()
    {
        var board = Board(
            new SeatStatus(1, SeatState.Available, null, null),
            new SeatStatus(2, SeatState.Held, "u1", Now.AddMinutes(10)),
            new SeatStatus(3, SeatState.Sold, null, null),
            new SeatStatus(4, SeatState.Blocked, null, null));

        board.AvailableSeatIds(Now).ShouldBe([1]);
        board.Grades(Now).Single(grade => grade.Grade == "R").ShouldBe(new GradeAvailability("R", 110_000, 3, 1));

        var later = Now.AddMinutes(10);
        board.AvailableSeatIds(later).ShouldBe([1, 2]);
        board.Grades(later).Single(grade => grade.Grade == "R").Available.ShouldBe(2);
        board.AvailableSeatIds(later, "S").ShouldBeEmpty();
    }

    [Fact]
    public void ShouldApplyOnlyNewerVersions_AndShowThemInAvailability()
    {
        var board = Board(new SeatStatus(1, SeatState.Available, null, null) { Version = 3 }, new SeatStatus(2, SeatState.Available, null, null));
        board.AvailableSeatIds(Now).ShouldBe([1, 2]);

        var changed = board.With([
            new SeatStatus(1, SeatState.Held, "u1", Now.AddMinutes(5)) { Version = 2 },
            new SeatStatus(2, SeatState.Held, "u1", Now.AddMinutes(5)) { Version = 1 },
        ]);

        changed.AvailableSeatIds(Now).ShouldBe([1]);
        changed.Revision.ShouldBe(board.Revision + 1);
        board.AvailableSeatIds(Now).ShouldBe([1, 2], "a board never changes once read");
    }

    private static RoundSeatBoard Board(params SeatStatus[] seats) =>
        new(
            7,
            seats.ToImmutableDictionary(seat => seat.RoundSeatId),
            seats.ToDictionary(seat => seat.RoundSeatId, seat => seat.RoundSeatId == 4 ? new SeatPrice("S", 80_000) : new SeatPrice("R", 110_000)),
            0);
}
