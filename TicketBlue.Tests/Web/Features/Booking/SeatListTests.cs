using Bunit;
using Shouldly;
using TicketBlue.Web.Features.Booking;
using TicketBlue.Tests.Fixtures;

namespace TicketBlue.Tests.Web.Features.Booking;

/// <summary>The accessible seat list: grades and sections open on demand, rows are virtualized, states are live.</summary>
[Trait("Category", "Component")]
public sealed class SeatListTests : SeatMapTestBase
{
    [Fact]
    public void ShouldListOnlyTheGradesUntilOneIsOpened_GivenAFreshList()
    {
        SignIn();
        var page = RenderPage();

        var list = OpenList(page);

        list.FindAll("[data-testid=list-grade]").Select(button => Text(button.TextContent)).ShouldBe(["R석 · 110,000원 잔여 10/10석", "S석 · 80,000원 잔여 10/10석"]);
        list.FindAll("[data-testid=list-section]").ShouldBeEmpty();
        list.FindAll("button[role=checkbox]").ShouldBeEmpty();
        list.HasComponent<Microsoft.AspNetCore.Components.Web.Virtualization.Virtualize<SeatList.ListLine>>().ShouldBeTrue();
    }

    [Fact]
    public async Task ShouldNameEachSeatWithItsStateAndPickIt_GivenAnOpenSection()
    {
        SignIn();
        UseBoard(Held(2, Someone, Now.AddMinutes(5)));
        var page = RenderPage();
        var list = OpenList(page);

        list.FindAll("[data-testid=list-grade]")[0].Click();
        list.FindAll("[data-testid=list-section]").Select(button => Text(button.TextContent)).ShouldBe(["1층 A구역 잔여 4/5석", "1층 B구역 잔여 5/5석"]);
        list.FindAll("[data-testid=list-section]")[0].Click();

        var seats = list.FindAll("button[role=checkbox]");
        seats.Select(seat => seat.GetAttribute("data-seat-id")).ShouldBe(["1", "2", "3", "4", "5"]);
        seats[1].GetAttribute("aria-label").ShouldBe("R석 1층 A구역 1열 2번, 110,000원, 다른 고객이 선점 중");
        seats[1].GetAttribute("aria-disabled").ShouldBe("true");
        list.Find("[role=group]").GetAttribute("aria-label").ShouldBe("1층 A구역 1열");

        await list.Find("button[data-seat-id='3']").ClickAsync(new());

        list.Find("button[data-seat-id='3']").GetAttribute("aria-checked").ShouldBe("true");
        list.Find("button[data-seat-id='3']").GetAttribute("aria-label").ShouldBe("R석 1층 A구역 1열 3번, 110,000원, 선택함");
        page.Find("[data-testid=selection-count]").TextContent.ShouldBe("1 / 4매");

        await PublishAsync(Free(2, version: 2));
        page.WaitForAssertion(() => list.Find("button[data-seat-id='2']").GetAttribute("aria-disabled").ShouldBe("false"));
    }

    [Fact]
    public void ShouldSwitchBetweenMapAndListWithArrowKeys_GivenTheTabList()
    {
        SignIn();
        var page = RenderPage();
        page.Find("#seat-tab-map").GetAttribute("aria-selected").ShouldBe("true");
        page.Find("#seat-tab-list").GetAttribute("tabindex").ShouldBe("-1");

        page.Find("[role=tablist]").KeyDown(new Microsoft.AspNetCore.Components.Web.KeyboardEventArgs { Key = "ArrowRight" });

        page.Find("#seat-tab-list").GetAttribute("aria-selected").ShouldBe("true");
        page.Find("#seat-tab-list").GetAttribute("tabindex").ShouldBe("0");
        page.Find("[role=tabpanel]").GetAttribute("aria-labelledby").ShouldBe("seat-tab-list");
        page.HasComponent<SeatList>().ShouldBeTrue();
        page.HasComponent<SeatMapCanvas>().ShouldBeFalse();
    }

    private static string Text(string content) => System.Text.RegularExpressions.Regex.Replace(content, @"\s+", " ").Trim();

    private static IRenderedComponent<SeatList> OpenList(IRenderedComponent<TicketBlue.Web.Features.Booking.SeatSelectionPage> page)
    {
        page.Find("#seat-tab-list").Click();
        return page.FindComponent<SeatList>();
    }
}
