using Shouldly;
using TicketBlue.Domain.Common;
using TicketBlue.Domain.Rounds;
using TicketBlue.Domain.Venues;

namespace TicketBlue.Tests.Domain.Rounds;

/// <summary>The query form of "available now" must say what the in-memory rule says, in every state.</summary>
[Trait("Category", "Unit")]
public sealed class RoundSeatAvailabilityRuleTests
{
    private static readonly DateTimeOffset Now = DomainTestClock.Now;

    [Fact]
    public void ShouldAgreeWithIsAvailableAt_ForEveryState()
    {
        var seats = new List<RoundSeat>();
        seats.Add(Seat());
        seats.Add(Seat(blocked: true));
        var heldLive = Seat();
        heldLive.Hold(Guid.NewGuid(), "u1", Now.AddMinutes(5), Now);
        var heldExpired = Seat();
        heldExpired.Hold(Guid.NewGuid(), "u1", Now, Now.AddMinutes(-10));
        var sold = Seat();
        var holdId = Guid.NewGuid();
        sold.Hold(holdId, "u1", Now.AddMinutes(5), Now);
        sold.Sell(holdId, 1, Now);
        seats.AddRange([heldLive, heldExpired, sold]);

        var rule = RoundSeat.AvailableAt(Now).Compile();

        seats.Select(rule).ShouldBe(seats.Select(seat => seat.IsAvailableAt(Now)));
        seats.Count(rule).ShouldBe(2);

        var held = RoundSeat.HeldAt(Now).Compile();
        seats.Select(held).ShouldBe(seats.Select(seat => seat.IsHeldAt(Now)));
        seats.Count(held).ShouldBe(1);
        seats.ShouldAllBe(seat => !(seat.IsHeldAt(Now) && seat.IsAvailableAt(Now)), "a seat is never both held and available");

        var sellable = RoundSeat.SellableTo(holdId, Now).Compile();
        seats.Select(sellable).ShouldBe(seats.Select(seat => seat.IsSellableTo(holdId, Now)));
    }

    [Fact]
    public void ShouldTreatAHoldRunningOutExactlyNowAsOver()
    {
        AvailableNow.Is(SeatState.Held, Now, Now).ShouldBeTrue();
        AvailableNow.IsExpiredHold(SeatState.Held, Now, Now).ShouldBeTrue();
        AvailableNow.IsLiveHold(SeatState.Held, Now, Now).ShouldBeFalse();
        AvailableNow.IsLiveHold(SeatState.Held, Now.AddTicks(1), Now).ShouldBeTrue();
        AvailableNow.Is(SeatState.Sold, null, Now).ShouldBeFalse();
        AvailableNow.Is(SeatState.Blocked, null, Now).ShouldBeFalse();
    }

    private static RoundSeat Seat(bool blocked = false) => new(1, 1, SeatGrade.From("R"), Money.FromWon(1000), blocked);
}
