using Shouldly;
using TicketBlue.Domain.Common;
using TicketBlue.Domain.Venues;
using static TicketBlue.Tests.Domain.Builders;

namespace TicketBlue.Tests.Domain.Venues;

[Trait("Category", "Unit")]
public sealed class SeatBlockingTests
{
    [Fact]
    public void ShouldBlockAndUnblockSeats_GivenAnActiveLayout()
    {
        var layout = LayoutWithSeatIds();
        layout.Activate();

        layout.SetSeatsBlocked([1, 2], blocked: true);

        layout.Seats.Where(seat => seat.IsBlocked).Select(seat => seat.Id).ShouldBe([1L, 2L], ignoreOrder: true);
        layout.SetSeatsBlocked([2], blocked: false);
        layout.Seats.Single(seat => seat.IsBlocked).Id.ShouldBe(1);
    }

    [Fact]
    public void ShouldRefuse_GivenASeatOfAnotherLayout() =>
        Should.Throw<DomainException>(() => LayoutWithSeatIds().SetSeatsBlocked([99], blocked: true)).Code.ShouldBe("seat.unknown");

    [Fact]
    public void ShouldRefuseToBlockEverySeat()
    {
        var layout = LayoutWithSeatIds();

        Should.Throw<DomainException>(() => layout.SetSeatsBlocked(layout.Seats.Select(seat => seat.Id), blocked: true)).Code.ShouldBe("layout.all_blocked");
        layout.Seats.ShouldAllBe(seat => !seat.IsBlocked);
    }

    [Fact]
    public void ShouldRefuse_GivenARetiredLayout()
    {
        var layout = LayoutWithSeatIds();
        layout.Activate();
        layout.Retire();

        Should.Throw<DomainException>(() => layout.SetSeatsBlocked([1], blocked: true)).Code.ShouldBe("layout.retired");
    }

    private static SeatLayout LayoutWithSeatIds()
    {
        var layout = DraftLayout();
        var section = layout.AddSection("A", 1);
        long id = 1;
        foreach (var number in Enumerable.Range(1, 3))
        {
            layout.AddSeat(section, "1", number, 10 * number, 10, Vip).WithId(id++);
        }

        return layout;
    }
}
