using Shouldly;
using TicketBlue.Domain.Venues;
using TicketBlue.Web.Features.Admin.Venues;

namespace TicketBlue.Tests.Web.Features.Admin.Venues;

[Trait("Category", "Unit")]
public sealed class LayoutComposerTests
{
    [Fact]
    public void ShouldPutSectionsOfAFloorSideBySideBelowTheStage_GivenTwoSectionsOnFloorOne()
    {
        var a = Block("A", 1, rows: 5, seats: 10);
        var b = Block("B", 1, rows: 3, seats: 20);

        var layout = LayoutComposer.Compose([a, b]);

        var (left, right) = (layout.Sections[0], layout.Sections[1]);
        right.X.ShouldBe(left.X + left.Width + LayoutGeometry.SectionGap);
        left.Y.ShouldBe(right.Y);
        left.Y.ShouldBeGreaterThan(layout.Stage.Y + layout.Stage.Height);
        ((double)(left.X + right.X + right.Width)).ShouldBe(layout.CanvasWidth, tolerance: 1);
        layout.Stage.CentreX.ShouldBe(layout.CanvasWidth / 2.0, tolerance: 1);
        layout.SeatCount.ShouldBe(50 + 60);
    }

    [Fact]
    public void ShouldPutAHigherFloorBehindTheDeepestSectionOfTheFloorBelow_GivenFloorsOneAndTwo()
    {
        var balcony = Block("A", 2, rows: 4, seats: 30);
        var deep = Block("A", 1, rows: 10, seats: 10);
        var shallow = Block("B", 1, rows: 2, seats: 10);

        var layout = LayoutComposer.Compose([balcony, deep, shallow]);

        layout.Sections[0].Floor.ShouldBe(2);
        layout.Sections[0].Y.ShouldBe(layout.Sections[1].Y + deep.Height + LayoutGeometry.FloorGap);
    }

    [Fact]
    public void ShouldKeepEverySeatInsideTheCanvas_GivenSeveralFloors()
    {
        var layout = LayoutComposer.Compose([Block("A", 1, 20, 40), Block("B", 2, 8, 60), Block("C", 3, 6, 10)]);

        layout.Sections.SelectMany(section => section.Seats)
            .ShouldAllBe(seat => seat.X > 0 && seat.Y > 0 && seat.X < layout.CanvasWidth && seat.Y < layout.CanvasHeight);
    }

    [Fact]
    public void ShouldPlaceAReopenedSectionExactlyAsBefore_GivenItsSavedSeats()
    {
        var blocks = new[] { Block("A", 1, 6, 12, aisles: "6"), Block("B", 1, 4, 8) };
        var first = LayoutComposer.Compose(blocks);

        var reopened = first.Sections.Select(section => LayoutComposer.ToBlock(section.Name, section.Floor, section.Seats.ToList())).ToList();
        var second = LayoutComposer.Compose(reopened);

        second.CanvasWidth.ShouldBe(first.CanvasWidth);
        second.CanvasHeight.ShouldBe(first.CanvasHeight);
        second.Sections.SelectMany(section => section.Seats).ShouldBe(first.Sections.SelectMany(section => section.Seats));
    }

    [Fact]
    public void ShouldDrawAStageOnAMinimumCanvas_GivenNoSections()
    {
        var layout = LayoutComposer.Compose([]);

        layout.CanvasWidth.ShouldBe(LayoutComposer.MinContentWidth + (2 * LayoutGeometry.Margin));
        layout.Stage.Width.ShouldBeGreaterThan(0);
        layout.Sections.ShouldBeEmpty();
    }

    private static SectionBlock Block(string name, int floor, int rows, int seats, string? aisles = null) =>
        SectionGenerator.Generate(new SectionSpec { Name = name, Floor = floor, Rows = rows, SeatsPerRow = seats, Aisles = aisles, DefaultGrade = "R" });
}
