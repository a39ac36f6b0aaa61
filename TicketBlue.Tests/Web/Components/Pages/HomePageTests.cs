using Bunit;
using Microsoft.Extensions.DependencyInjection;
using NSubstitute;
using Shouldly;
using TicketBlue.Domain.Performances;
using TicketBlue.Web.Components.Pages;
using TicketBlue.Web.Features.Catalog.Home;
using TicketBlue.Tests.Fixtures;

namespace TicketBlue.Tests.Web.Components.Pages;

[Trait("Category", "Component")]
public sealed class HomePageTests : ComponentTestBase
{
    private static readonly DateTimeOffset Yesterday = DateTimeOffset.UtcNow.AddDays(-1);
    private readonly IGetHomeCatalogHandler _handler = Substitute.For<IGetHomeCatalogHandler>();

    public HomePageTests() => Services.AddSingleton(_handler);

    [Fact]
    public void ShouldShowEachPerformanceAsAPosterCardInKorean_GivenShowsOnSale()
    {
        _handler.HandleAsync(Arg.Any<CancellationToken>()).Returns(new HomeCatalog(
            [
                new PerformanceCard(1, "레미제라블", Category.Musical, "/media/posters/a.svg", "블루스퀘어 신한카드홀", new DateOnly(2026, 12, 1), new DateOnly(2027, 1, 24), 80_000, Yesterday),
                new PerformanceCard(2, "호두까기 인형", Category.Dance, null, "예술의전당 오페라극장", new DateOnly(2026, 12, 20), new DateOnly(2026, 12, 20), 0, Yesterday),
            ],
            []));

        var page = Render<HomePage>();

        page.Find("h2#on-sale-title").TextContent.ShouldBe("지금 예매 중");
        var cards = page.FindAll("[data-testid=performance-card]");
        cards.Count.ShouldBe(2);
        cards[0].QuerySelector("h3")!.TextContent.ShouldBe("레미제라블");
        cards[0].QuerySelector("img")!.GetAttribute("alt").ShouldBe("레미제라블 포스터");
        cards[0].QuerySelector("img")!.GetAttribute("loading").ShouldBe("lazy");
        cards[0].TextContent.ShouldContain("뮤지컬");
        cards[0].TextContent.ShouldContain("2026.12.01 (화) ~ 2027.01.24 (일)");
        cards[0].QuerySelector(".tb-card-price")!.TextContent.ShouldBe("80,000원부터");
        cards[1].TextContent.ShouldContain("2026.12.20 (일)");
        cards[1].QuerySelectorAll(".tb-card-price").ShouldBeEmpty();
        cards[1].QuerySelectorAll("img").ShouldBeEmpty();
        page.FindAll("#opening-soon-title").ShouldBeEmpty();
    }

    [Fact]
    public void ShouldShowWhenSalesOpen_GivenAShowOpeningSoon()
    {
        var opens = new DateTimeOffset(2026, 12, 1, 1, 0, 0, TimeSpan.Zero);
        _handler.HandleAsync(Arg.Any<CancellationToken>()).Returns(new HomeCatalog(
            [],
            [new PerformanceCard(3, "오페라의 유령", Category.Musical, "/media/posters/b.svg", "샤롯데씨어터", new DateOnly(2026, 12, 5), new DateOnly(2027, 1, 20), 60_000, opens)]));

        var page = Render<HomePage>();

        page.Find("h2#opening-soon-title").TextContent.ShouldBe("오픈 예정");
        page.Find("[data-testid=opening-soon-list] .tb-chip-accent").TextContent.ShouldBe("2026.12.01 (화) 10:00 오픈");
        page.FindAll("#on-sale-title").ShouldBeEmpty();
    }

    [Fact]
    public void ShouldExplainThereIsNothingYet_GivenNoUpcomingPerformances()
    {
        _handler.HandleAsync(Arg.Any<CancellationToken>()).Returns(new HomeCatalog([], []));

        var page = Render<HomePage>();

        page.Find(".tb-empty h1").TextContent.ShouldBe("예정된 공연이 없습니다");
        page.FindAll("[data-testid=performance-card]").ShouldBeEmpty();
    }

    [Fact]
    public void ShouldShowProgress_WhileTheCatalogueIsLoading()
    {
        var pending = new TaskCompletionSource<HomeCatalog>();
        _handler.HandleAsync(Arg.Any<CancellationToken>()).Returns(pending.Task);

        var page = Render<HomePage>();

        page.Find("[role=status]").TextContent.ShouldContain("불러오는 중입니다");
        pending.SetResult(new HomeCatalog([], []));
        page.WaitForAssertion(() => page.FindAll("[role=status]").ShouldBeEmpty());
    }
}
