using Bunit;
using FluentValidation;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using NSubstitute;
using Shouldly;
using TicketBlue.Domain.Common;
using TicketBlue.Domain.Venues;
using TicketBlue.Web;
using TicketBlue.Web.Features.Admin.Venues;
using TicketBlue.Web.Features;
using TicketBlue.Tests.Fixtures;

namespace TicketBlue.Tests.Web.Features.Admin.Venues;

[Trait("Category", "Component")]
public sealed class LayoutEditorPageTests : ComponentTestBase
{
    private readonly IGetLayoutEditorHandler _editor = Substitute.For<IGetLayoutEditorHandler>();
    private readonly ISaveLayoutDraftHandler _save = Substitute.For<ISaveLayoutDraftHandler>();

    public LayoutEditorPageTests()
    {
        Services.AddSingleton(_editor);
        Services.AddSingleton(_save);
        Services.AddSingleton(Substitute.For<IActivateLayoutHandler>());
        Services.AddSingleton(Substitute.For<ICreateLayoutVersionHandler>());
        Services.AddSingleton(Substitute.For<ISetSeatsBlockedHandler>());
        Services.AddScoped<IValidator<SectionSpec>, SectionSpecValidator>();
        _editor.HandleAsync(1, null, Arg.Any<CancellationToken>())
            .Returns(new LayoutEditorView(1, "테스트 아트홀", false, null, LayoutEditorView.DefaultName, 1, SeatLayoutStatus.Draft, 0, 0, new StageArea(0, 0, 0, 0), []));
    }

    [Fact]
    public void ShouldPreviewTheFormsSectionAndRedrawIt_GivenFewerRows()
    {
        var page = RenderEditor();

        Legend(page).ShouldBe(["VIP 60석", "R 140석", "합계 200석"]);
        page.FindAll("svg .tb-section.is-preview").Count.ShouldBe(1);
        page.FindAll("svg g.tb-grade > *").Count.ShouldBe(200);

        page.Find("input[data-testid=generator-rows]").Input("4");

        page.WaitForAssertion(() => Legend(page).ShouldBe(["VIP 60석", "R 20석", "합계 80석"]));
        page.FindAll("svg g.tb-grade > *").Count.ShouldBe(80);
    }

    [Fact]
    public void ShouldExplainAndAddNothing_GivenOverlappingGradeBlocks()
    {
        var page = RenderEditor();

        page.Find("button[data-testid=add-grade-block]").Click();
        page.FindAll("[data-testid=grade-block] input")[3].Input("R");
        page.FindAll("[data-testid=grade-block] input")[4].Input("2");

        page.WaitForAssertion(() => page.Find("[data-testid=generator-errors]").TextContent.ShouldContain("등급 구간이 겹칩니다: 2열이 두 구간에 들어 있습니다."));
        page.FindAll("svg .tb-section.is-preview").ShouldBeEmpty();
        page.Find("button[data-testid=add-section]").Click();
        page.FindAll("[data-testid=section-row]").ShouldBeEmpty();
    }

    [Fact]
    public void ShouldAddTheSectionAndShowTheDomainsMessage_GivenASaveTheDomainRefuses()
    {
        SaveLayoutDraftCommand? sent = null;
        _save.HandleAsync(Arg.Do<SaveLayoutDraftCommand>(command => sent = command), Arg.Any<CancellationToken>())
            .Returns(CommandResult.From(new DomainException("section.duplicate", "1층 A 구역이 이미 있습니다.", 1, "A")));
        var page = RenderEditor();

        page.Find("button[data-testid=add-section]").Click();
        page.WaitForAssertion(() => page.FindAll("[data-testid=section-row]").Count.ShouldBe(1));
        page.Find("[data-testid=section-row]").TextContent.ShouldContain("1층 A구역");
        page.Find("input[data-testid=generator-name]").GetAttribute("value").ShouldBe("B");
        page.Find("button[data-testid=save-layout]").Click();

        page.WaitForAssertion(() => page.Find("[data-testid=layout-error]").TextContent.ShouldContain("1층 A 구역이 이미 있습니다."));
        sent.ShouldNotBeNull();
        sent.VenueId.ShouldBe(1);
        sent.LayoutId.ShouldBeNull();
        sent.Name.ShouldBe("기본 배치");
        sent.Sections.ShouldHaveSingleItem().Seats.Count.ShouldBe(200);
        sent.Sections[0].Spec.ShouldNotBeNull().Name.ShouldBe("A");
    }

    [Fact]
    public async Task ShouldExplainTheFreezeAndSendAClickedSeatToTheDomain_GivenAnActiveLayout()
    {
        var blocking = Services.GetRequiredService<ISetSeatsBlockedHandler>();
        blocking.HandleAsync(Arg.Any<SetSeatsBlockedCommand>(), Arg.Any<CancellationToken>())
            .Returns(CommandResult.Failure("사용 중지된 배치도는 바꿀 수 없습니다."));
        var view = ActiveView();
        _editor.HandleAsync(1, 7, Arg.Any<CancellationToken>()).Returns(view);
        JSInterop.SetupModule("./Features/Admin/Venues/LayoutMap.razor.js").SetupModule(invocation => invocation.Identifier == "listen");
        Render<MudPopoverProvider>();
        var page = Render<AdminLayoutEditorPage>(parameters => parameters.Add(p => p.VenueId, 1L).Add(p => p.LayoutId, 7L));

        page.Find("[data-testid=frozen-notice]").TextContent.ShouldContain("사용 중인 배치도는 구역·좌석·등급을 바꿀 수 없습니다.");
        page.FindAll("[data-testid=section-generator]").ShouldBeEmpty();
        page.FindAll("[data-testid=save-layout]").ShouldBeEmpty();
        page.FindAll("svg [data-seat-id]").Count.ShouldBe(6);

        var seat = view.Sections[0].Seats[4];
        await page.InvokeAsync(() => page.FindComponent<TicketBlue.Web.Features.Admin.Venues.LayoutMap>().Instance.SeatClickedAsync(seat.Id));
        page.WaitForAssertion(() => page.Find("[data-testid=block-selection]").TextContent.ShouldContain("1석 선택 (그중 막힌 좌석 0석)"));
        page.Find("input[data-testid=block-numbers]").GetAttribute("value").ShouldBe("2");
        page.FindAll("[data-testid=seat-map-selection] circle").Count.ShouldBe(1);
        page.Find("button[data-testid=block-seats]").Click();

        page.WaitForAssertion(() => page.Find("[data-testid=layout-error]").TextContent.ShouldContain("사용 중지된 배치도는 바꿀 수 없습니다."));
        await blocking.Received(1).HandleAsync(
            Arg.Is<SetSeatsBlockedCommand>(command => command.VenueId == 1 && command.LayoutId == 7 && command.Blocked && command.SeatIds.SequenceEqual(new[] { seat.Id })),
            Arg.Any<CancellationToken>());
    }

    private IRenderedComponent<AdminLayoutEditorPage> RenderEditor()
    {
        Render<MudPopoverProvider>();
        return Render<AdminLayoutEditorPage>(parameters => parameters.Add(p => p.VenueId, 1L));
    }

    private static List<string> Legend(IRenderedComponent<AdminLayoutEditorPage> page) =>
        page.FindAll("[data-testid=seat-map-legend] li")
            .Select(item => string.Join(' ', item.TextContent.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)))
            .ToList();

    /// <summary>Section A, rows 1–2 × seats 1–3, grade R, saved and active.</summary>
    private static LayoutEditorView ActiveView()
    {
        var seats = Enumerable.Range(0, 6)
            .Select(index => new EditorSeat(100 + index, (1 + (index / 3)).ToString(System.Globalization.CultureInfo.InvariantCulture), 1 + (index % 3), 60 + ((index % 3) * 24), 200 + ((index / 3) * 26), SeatGrade.From("R"), false, false))
            .ToList();
        return new LayoutEditorView(1, "테스트 아트홀", false, 7, "기본 배치", 1, SeatLayoutStatus.Active, 400, 300, new StageArea(80, 40, 240, 60), [new EditorSection(11, "A", 1, seats)]);
    }
}
