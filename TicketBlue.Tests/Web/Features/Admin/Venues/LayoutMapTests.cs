using System.Diagnostics;
using Bunit;
using Microsoft.AspNetCore.Components;
using Shouldly;
using TicketBlue.Domain.Venues;
using TicketBlue.Web.Features.Admin.Venues;
using TicketBlue.Tests.Fixtures;

namespace TicketBlue.Tests.Web.Features.Admin.Venues;

[Trait("Category", "Component")]
public sealed class LayoutMapTests : ComponentTestBase
{
    private static readonly string[] SectionNames = ["A", "B", "C", "D"];

    [Fact]
    public void ShouldDrawEverySeatInOneSvgWithAGradeLegend_GivenA2000SeatHall()
    {
        var model = LayoutMapModel.From(Hall());
        var watch = Stopwatch.StartNew();

        var map = Render<LayoutMap>(parameters => parameters.Add(p => p.Model, model));

        watch.Stop();
        map.FindAll("svg").Count.ShouldBe(1);
        map.FindAll("svg [data-seat-id]").Count.ShouldBe(2_000);
        map.FindAll("svg g.tb-grade[data-grade=VIP] > *").Count.ShouldBe(400 - 2);
        map.Find("svg .tb-stage-label").TextContent.ShouldBe("무대");
        map.Find("svg").GetAttribute("aria-label").ShouldBe("좌석 배치도, 모두 2000석");
        Legend(map, "[data-grade=VIP]").ShouldBe("VIP 400석");
        Legend(map, "[data-grade=R]").ShouldBe("R 800석");
        Legend(map, "[data-grade=S]").ShouldBe("S 800석");
        Legend(map, "[data-legend=wheelchair]").ShouldBe("휠체어석 8석");
        Legend(map, "[data-legend=blocked]").ShouldBe("막힌 좌석 2석");
        Legend(map, "[data-legend=total]").ShouldBe("합계 2,000석");
        map.FindAll("svg rect.tb-wheelchair").Count.ShouldBe(8);
        map.FindAll("svg g.tb-blocked [data-seat-id]").Count.ShouldBe(2);

        // No component (and no handler) per seat: the whole map is one component and its markup.
        map.FindComponents<IComponent>().Count.ShouldBeLessThan(5);
        map.FindAll("svg [blazor\\:onclick]").ShouldBeEmpty();
        watch.Elapsed.ShouldBeLessThan(TimeSpan.FromSeconds(3));
    }

    [Fact]
    public void ShouldRingSelectedSeatsWithoutRedrawingTheHall_GivenASelection()
    {
        var model = LayoutMapModel.From(Hall());
        var map = Render<LayoutMap>(parameters => parameters.Add(p => p.Model, model));
        var ids = model.Seats.Take(3).Select(seat => seat.Id).ToList();

        map.Render(parameters => parameters.Add(p => p.Model, model).Add(p => p.SelectedSeatIds, ids));

        map.FindAll("[data-testid=seat-map-selection] circle").Count.ShouldBe(3);
        map.FindAll("svg [data-seat-id]").Count.ShouldBe(2_000);
    }

    [Fact]
    public async Task ShouldListenOnceOnTheMapAndReportAClickedSeat_GivenAClickHandler()
    {
        var module = JSInterop.SetupModule("./Features/Admin/Venues/LayoutMap.razor.js");
        var listener = module.SetupModule(invocation => invocation.Identifier == "listen");
        listener.SetupVoid("dispose");
        var model = LayoutMapModel.From(Hall());
        long? clicked = null;

        var map = Render<LayoutMap>(parameters => parameters
            .Add(p => p.Model, model)
            .Add(p => p.OnSeatClick, (long id) => clicked = id));
        await map.InvokeAsync(() => map.Instance.SeatClickedAsync(model.Seats[10].Id));
        await map.InvokeAsync(() => map.Instance.SeatClickedAsync(-5));

        module.VerifyInvoke("listen", calledTimes: 1);
        clicked.ShouldBe(model.Seats[10].Id);
        await DisposeComponentsAsync();
        listener.VerifyInvoke("dispose");
    }

    [Fact]
    public void ShouldEncodeSectionNames_GivenMarkupInAName()
    {
        var layout = LayoutComposer.Compose([SectionGenerator.Generate(new SectionSpec { Name = "<script>x</script>", Rows = 1, SeatsPerRow = 2, DefaultGrade = "R" })]);

        var map = Render<LayoutMap>(parameters => parameters.Add(p => p.Model, LayoutMapModel.From(layout)));

        map.FindAll("script").ShouldBeEmpty();
        map.Find("svg .tb-section text").TextContent.ShouldBe("1층 <script>x</script>");
    }

    /// <summary>Four sections of 20 × 25 seats: rows 1–4 VIP, 5–12 R, the rest S; two seats blocked, wheelchair spaces at the back.</summary>
    private static LayoutEditorView Hall()
    {
        var blocks = SectionNames.Select(name => SectionGenerator.Generate(new SectionSpec
        {
            Name = name,
            Floor = name == "D" ? 2 : 1,
            Rows = 20,
            SeatsPerRow = 25,
            GradeBlocks = [new GradeBlockSpec { Grade = "VIP", FromRow = 1, ToRow = 4 }, new GradeBlockSpec { Grade = "R", FromRow = 5, ToRow = 12 }],
            DefaultGrade = "S",
            WheelchairAtBackRowEnds = true,
        })).ToList();
        var layout = LayoutComposer.Compose(blocks);
        long id = 1000;
        var sections = layout.Sections.Select((section, index) => new EditorSection(
            index + 1,
            section.Name,
            section.Floor,
            section.Seats.Select(seat => new EditorSeat(++id, seat.Row, seat.Number, seat.X, seat.Y, seat.Grade, seat.IsAccessible, IsBlocked: index == 0 && seat.Row == "1" && seat.Number <= 2)).ToList()))
            .ToList();
        return new LayoutEditorView(1, "테스트 홀", false, 7, "기본 배치", 1, SeatLayoutStatus.Active, layout.CanvasWidth, layout.CanvasHeight, layout.Stage, sections);
    }

    private static string Legend(IRenderedComponent<LayoutMap> map, string selector) =>
        string.Join(' ', map.Find($"[data-testid=seat-map-legend] li{selector}").TextContent.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
}
