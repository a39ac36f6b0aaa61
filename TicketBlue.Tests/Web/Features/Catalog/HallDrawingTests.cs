using AngleSharp.Html.Parser;
using Shouldly;
using TicketBlue.Domain.Venues;
using TicketBlue.Web.Features.Catalog;
using TicketBlue.Tests.Fixtures;

namespace TicketBlue.Tests.Web.Features.Catalog;

/// <summary>The one drawing of a hall behind every seat map: what it measures and how it marks seats.</summary>
[Trait("Category", "Unit")]
public sealed class HallDrawingTests
{
    private static readonly StageArea Stage = new(100, 40, 200, 60);

    [Fact]
    public void ShouldNameEachSectionAboveItsSeatsOrItsOutline_AndNotASectionWithNeither()
    {
        var drawing = HallDrawing.Of(
            400,
            400,
            Stage,
            [
                new HallSection(1, "A구역"),
                new HallSection(2, "빈 구역"),
                new HallSection(3, "C구역", new HallOutline(200, 300, 80, 40, IsPreview: true)),
            ],
            [new HallSeat(11, 1, 60, 200, "R", false), new HallSeat(12, 1, 84, 200, "R", false)]);

        drawing.SeatRadius.ShouldBe(9.6, "40% of the 24-unit pitch");
        drawing.Labels.Select(label => label.Text).ShouldBe(["A구역", "C구역"]);
        drawing.Labels[0].X.ShouldBe(72);
        drawing.Labels[0].Y.ShouldBeLessThan(200 - drawing.SeatRadius, "above the seats");
        drawing.Labels[1].X.ShouldBe(240);
        drawing.Labels[1].Y.ShouldBeLessThan(300 - 6, "above the outline");
    }

    [Fact]
    public void ShouldDrawAWheelchairSpaceAsASquare_WhetherSeatsAreDotsOrPickable()
    {
        var drawing = HallDrawing.Of(
            400,
            300,
            Stage,
            [new HallSection(1, "A")],
            [new HallSeat(11, 1, 60, 200, "R", false), new HallSeat(12, 1, 84, 200, "R", IsAccessible: true), new HallSeat(13, 1, 108, 200, "S", false, IsBlocked: true)]);

        var pickable = Parse(drawing.Markup("무대", SeatMarks.Pickable));
        pickable.QuerySelectorAll("[data-seat-id]").Select(seat => seat.GetAttribute("data-seat-id")).ShouldBe(["11", "12", "13"]);
        pickable.QuerySelector("rect.tb-wheelchair")!.GetAttribute("data-seat-id").ShouldBe("12");
        pickable.QuerySelector("g.tb-blocked circle")!.GetAttribute("stroke").ShouldBe(drawing.Grades.Single(grade => grade.Grade == "S").Colour);

        var dots = Parse(drawing.Markup("무대", SeatMarks.Dots));
        dots.QuerySelectorAll("[data-seat-id]").ShouldBeEmpty();
        dots.QuerySelector("[data-accessible-seats]")!.GetAttribute("stroke-linecap").ShouldBe("square");
        dots.QuerySelector(".tb-stage-label")!.TextContent.ShouldBe("무대");
    }

    private static AngleSharp.Dom.IElement Parse(string markup) =>
        new HtmlParser().ParseDocument($"<svg xmlns=\"http://www.w3.org/2000/svg\">{markup}</svg>").QuerySelector("svg")!;
}
