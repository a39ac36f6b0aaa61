using Shouldly;
using TicketBlue.Domain.Venues;

namespace TicketBlue.Tests.Domain.Venues;

[Trait("Category", "Unit")]
public sealed class GradeOrderTests
{
    [Fact]
    public void ShouldListTheUsualGradesBestFirstThenHouseCodesInCodeOrder()
    {
        GradeOrder.Sort(["TABLE", "B", "D", "BOX", "VIP", "C", "A", "S", "R"])
            .ShouldBe(["VIP", "R", "S", "A", "B", "C", "D", "BOX", "TABLE"]);
    }

    [Fact]
    public void ShouldOrderItemsByTheirGrade_GivenAnyRowsThatCarryOne()
    {
        var rows = new[] { (Grade: "S", Seats: 1), (Grade: "ZONE1", Seats: 2), (Grade: "VIP", Seats: 3) };

        rows.OrderByGrade(row => row.Grade).Select(row => row.Seats).ShouldBe([3, 1, 2]);
    }
}
