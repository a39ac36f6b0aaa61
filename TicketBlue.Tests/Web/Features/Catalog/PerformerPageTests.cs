using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using NSubstitute;
using Shouldly;
using TicketBlue.Web.Features.Catalog;
using TicketBlue.Web.Features.Catalog.Performers;
using TicketBlue.Tests.Fixtures;

namespace TicketBlue.Tests.Web.Features.Catalog;

[Trait("Category", "Component")]
public sealed class PerformerPageTests : ComponentTestBase
{
    private readonly IGetPerformerProfileHandler _handler = Substitute.For<IGetPerformerProfileHandler>();

    public PerformerPageTests()
    {
        Services.AddSingleton(_handler);
        AddBunitPersistentComponentState();
    }

    [Fact]
    public void ShouldShowTheProfileAndWorkUpcomingFirstThenPast_GivenAPerformerWithCredits()
    {
        _handler.HandleAsync(11, Arg.Any<CancellationToken>()).Returns(new PerformerProfile(
            11,
            "홍길동",
            "Hong Gildong",
            "배우",
            new DateOnly(1990, 5, 1),
            "대한민국",
            "2010년 데뷔.\n뮤지컬 배우.",
            null,
            [new PerformerCredit(CatalogSamples.Card(1, "레미제라블"), "장발장")],
            [new PerformerCredit(CatalogSamples.Card(2, "지킬 앤 하이드") with { SalesOpenAt = null }, "지킬, 하이드")],
            CatalogSamples.Now));

        var page = Render<PerformerPage>(parameters => parameters.Add(p => p.Id, 11));

        page.Find("h1").TextContent.ShouldBe("홍길동");
        page.Find(".profile-english").TextContent.ShouldBe("Hong Gildong");
        page.Find(".profile-kind").TextContent.ShouldBe("배우");
        page.Find("[data-testid=avatar-initials]").TextContent.ShouldBe("홍");
        page.Find(".profile-facts").TextContent.ShouldContain("1990.05.01");
        page.Find(".profile-facts").TextContent.ShouldContain("대한민국");
        page.Find(".profile-bio").TextContent.ShouldBe("2010년 데뷔.\n뮤지컬 배우.");
        page.FindAll("h2").Select(heading => heading.TextContent).ShouldBe(["소개", "공연 중·예정 작품", "지난 작품"]);
        var upcoming = page.Find("[data-testid=upcoming-credits]");
        upcoming.QuerySelector("a")!.GetAttribute("href").ShouldBe("/performances/1");
        upcoming.QuerySelector(".credit-role")!.TextContent.ShouldBe("배역: 장발장");
        var past = page.Find("[data-testid=past-credits]");
        past.QuerySelector("h3")!.TextContent.ShouldBe("지킬 앤 하이드");
        past.QuerySelector(".credit-role")!.TextContent.ShouldBe("배역: 지킬, 하이드");
    }

    [Fact]
    public void ShouldShowThePhotoAndEmptyLists_GivenAPerformerWithAPhotoAndNoWork()
    {
        _handler.HandleAsync(12, Arg.Any<CancellationToken>()).Returns(new PerformerProfile(
            12, "김민지", null, "가수", null, null, string.Empty, "/media/photos/minji.webp", [], [], CatalogSamples.Now));

        var page = Render<PerformerPage>(parameters => parameters.Add(p => p.Id, 12));

        page.Find(".profile-photo img").GetAttribute("alt").ShouldBe("김민지 사진");
        page.FindAll("[data-testid=avatar-initials]").ShouldBeEmpty();
        page.FindAll(".profile-facts").ShouldBeEmpty();
        page.FindAll("[data-testid=empty-list]").Select(empty => empty.TextContent.Trim()).ShouldBe(["예정된 출연 작품이 없습니다", "지난 출연 작품이 없습니다"]);
        page.FindAll("[data-testid=performance-card]").ShouldBeEmpty();
    }

    [Fact]
    public void ShouldShowTheNotFoundPageAndAskFor404_GivenAnArchivedPerformer()
    {
        _handler.HandleAsync(13, Arg.Any<CancellationToken>()).Returns((PerformerProfile?)null);
        var notFound = 0;
        Services.GetRequiredService<NavigationManager>().OnNotFound += (_, _) => notFound++;

        var page = Render<PerformerPage>(parameters => parameters.Add(p => p.Id, 13));

        page.Find("h1").TextContent.ShouldBe("페이지를 찾을 수 없습니다");
        notFound.ShouldBe(1);
    }
}
