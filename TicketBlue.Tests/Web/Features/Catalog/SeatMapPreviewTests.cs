using System.Diagnostics;
using System.Text.RegularExpressions;
using Bunit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;
using Shouldly;
using TicketBlue.Web;
using TicketBlue.Web.Features.Catalog;
using TicketBlue.Web.Features.Catalog.Venues;
using TicketBlue.Tests.Fixtures;

namespace TicketBlue.Tests.Web.Features.Catalog;

[Trait("Category", "Component")]
public sealed partial class SeatMapPreviewTests : ComponentTestBase
{
    [Fact]
    public void ShouldDrawEverySeatColouredByGradeWithTheStageAndALegend_GivenASmallLayout()
    {
        // Two floors × two sections × 2 rows × 4 seats = 32 seats; the first floor's back-row ends are wheelchair spaces.
        var map = CatalogSamples.SeatMap(rows: 2, seatsPerRow: 4);

        var preview = RenderPreview(map);

        var svg = preview.Find("svg[data-testid=seat-map]");
        svg.GetAttribute("role").ShouldBe("img");
        svg.GetAttribute("aria-label").ShouldBe("좌석 배치도: 2개 층, 4개 구역, 32석");
        svg.GetAttribute("viewBox").ShouldBe($"0 0 {map.Width} {map.Height}");
        var grades = svg.QuerySelectorAll("path[data-grade]");
        grades.Select(path => path.GetAttribute("data-grade")).ShouldBe(["VIP", "S"], "best grade first");
        grades.Select(path => int.Parse(path.GetAttribute("data-seats")!, System.Globalization.CultureInfo.InvariantCulture)).ShouldBe([16, 16]);
        grades[0].GetAttribute("stroke").ShouldNotBe(grades[1].GetAttribute("stroke"));

        // Wheelchair spaces are square dots in their grade's colour: they differ in shape, not only colour.
        var wheelchair = svg.QuerySelector("[data-accessible-seats]")!;
        wheelchair.GetAttribute("data-accessible-seats").ShouldBe("4");
        wheelchair.GetAttribute("stroke-linecap").ShouldBe("square");
        wheelchair.QuerySelectorAll("path").Sum(path => DotsIn(path.GetAttribute("d")!)).ShouldBe(4);
        grades.Sum(path => DotsIn(path.GetAttribute("d")!)).ShouldBe(32 - 4, "round dots for the other seats");
        svg.QuerySelector("rect[data-testid=stage]").ShouldNotBeNull();
        svg.QuerySelectorAll("text").Select(text => text.TextContent).ShouldBe(["무대", "1층 A구역", "1층 B구역", "2층 A구역", "2층 B구역"]);

        preview.FindAll("[data-testid=legend-grade]").Select(item => item.TextContent.Trim()).Select(Squash).ShouldBe(["VIP석 16석", "S석 16석"]);
        Squash(preview.Find("[data-testid=legend-accessible]").TextContent.Trim()).ShouldBe("휠체어석 4석");
    }

    [Fact]
    public void ShouldNameShortSectionCodesAsSections_GivenSectionsCalledAAndB()
    {
        var map = new SeatMap(
            "기본 배치",
            400,
            300,
            new TicketBlue.Domain.Venues.StageArea(100, 10, 200, 40),
            [new SeatMapSection(1, "A", 1), new SeatMapSection(2, "1루 테이블석", 1)],
            [new SeatMapSeat(1, 60, 110, "R", false), new SeatMapSeat(2, 240, 110, "TABLE", false)]);

        var preview = RenderPreview(map);

        preview.FindAll("svg text").Select(text => text.TextContent).ShouldBe(["무대", "A구역", "1루 테이블석"]);
        preview.FindAll("[data-testid=legend-grade] .legend-name").Select(name => name.TextContent).ShouldBe(["R석", "TABLE석"]);
        preview.FindAll("[data-testid=legend-accessible]").ShouldBeEmpty();
    }

    [Fact]
    public void ShouldDrawA3744SeatHallAsAHandfulOfElementsInAnInstant_GivenTheLargestDemoVenue()
    {
        // 2 floors × 3 sections × 24 rows × 26 seats = 3,744 seats.
        var map = CatalogSamples.SeatMap(rows: 24, seatsPerRow: 26, sectionsPerFloor: 3);
        map.Seats.Count.ShouldBe(3_744);
        RenderPreview(CatalogSamples.SeatMap());

        var stopwatch = Stopwatch.StartNew();
        var preview = RenderPreview(map);
        stopwatch.Stop();

        var svg = preview.Find("svg[data-testid=seat-map]");
        svg.GetAttribute("aria-label").ShouldBe("좌석 배치도: 2개 층, 6개 구역, 3,744석");
        svg.QuerySelectorAll("path").Sum(path => DotsIn(path.GetAttribute("d")!)).ShouldBe(3_744);
        svg.QuerySelectorAll("*").Length.ShouldBeLessThan(20, "one path per grade, not one element per seat");
        svg.OuterHtml.Length.ShouldBeLessThan(3_744 * 10, "a few bytes a seat");
        stopwatch.ElapsedMilliseconds.ShouldBeLessThan(1_000);
    }

    [Fact]
    public void ShouldSizeSeatsToTheirSpacing_GivenLayoutsDrawnAtDifferentScales()
    {
        var tight = CatalogSamples.SeatMap(rows: 1, seatsPerRow: 3);
        var doubled = tight with { Seats = tight.Seats.Select(seat => seat with { X = seat.X * 2 }).ToList() };

        Drawing(tight).SeatRadius.ShouldBe(24 * 0.4, 0.001);
        Drawing(doubled).SeatRadius.ShouldBe(48 * 0.4, 0.001);
        RenderPreview(tight).Find("svg g[stroke-width]").GetAttribute("stroke-width").ShouldBe("19.2", "a dot's diameter");
    }

    private static HallDrawing Drawing(SeatMap map) => HallDrawing.Of(
        map.Width,
        map.Height,
        map.Stage,
        map.Sections.Select(section => new HallSection(section.Id, section.Name)).ToList(),
        map.Seats.Select(seat => new HallSeat(0, seat.SectionId, seat.X, seat.Y, seat.Grade, seat.IsAccessible)).ToList());

    // Each seat is a zero-length line, "m dx dy h0", drawn as a dot by its round cap.
    private static int DotsIn(string pathData) => Regex.Count(pathData, "h0");

    private IRenderedComponent<SeatMapPreview> RenderPreview(SeatMap map)
    {
        var localizer = Services.GetRequiredService<IStringLocalizer<CatalogResource>>();
        return Render<SeatMapPreview>(parameters => parameters.Add(p => p.Picture, SeatMapPictures.Draw(map, localizer)));
    }

    private static string Squash(string text) => Whitespace().Replace(text, " ");

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
