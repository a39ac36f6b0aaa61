using Bunit;
using Bunit.TestDoubles;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using NSubstitute;
using Shouldly;
using TicketBlue.Web.Features.Catalog;
using TicketBlue.Web.Features.Catalog.Performances;
using TicketBlue.Tests.Fixtures;

namespace TicketBlue.Tests.Web.Features.Catalog;

[Trait("Category", "Component")]
public sealed class PerformancePageTests : ComponentTestBase
{
    private readonly IGetPerformanceDetailHandler _handler = Substitute.For<IGetPerformanceDetailHandler>();
    private readonly BunitPersistentComponentState _prerendered;

    public PerformancePageTests()
    {
        Services.AddSingleton(_handler);
        _prerendered = AddBunitPersistentComponentState();
    }

    [Fact]
    public void ShouldShowTheShowsFactsAndPricesInWon_GivenAPublishedShow()
    {
        _handler.HandleAsync(7, Arg.Any<CancellationToken>()).Returns(CatalogSamples.LesMiserables());

        var page = Render<PerformancePage>(parameters => parameters.Add(p => p.Id, 7));

        page.Find("h1").TextContent.ShouldBe("레미제라블");
        page.FindAll("h1").Count.ShouldBe(1);
        page.Find(".show-english").TextContent.ShouldBe("Les Misérables");
        page.Find(".show-poster img").GetAttribute("alt").ShouldBe("레미제라블 포스터");
        page.Find(".show-category a").TextContent.ShouldBe("뮤지컬");
        page.Find(".show-category a").GetAttribute("href").ShouldBe("/category/musical");
        page.Find("[data-testid=age-rating]").TextContent.ShouldBe("12세 이상 관람가");
        page.Find("[data-testid=running-time]").TextContent.ShouldBe("150분 (인터미션 20분)");
        page.Find("[data-testid=show-facts]").TextContent.ShouldContain("2026.12.01 (화) ~ 2027.01.24 (일)");
        page.Find("[data-testid=venue-link]").GetAttribute("href").ShouldBe("/venues/3");
        page.Find("[data-testid=show-facts]").TextContent.ShouldContain("서울특별시 용산구 이태원로 294");
        var prices = page.FindAll("[data-testid=price-table] tbody tr")
            .Select(row => (row.QuerySelector("th")!.TextContent, row.QuerySelector("td")!.TextContent))
            .ToList();
        prices.ShouldBe([("VIP석", "170,000원"), ("R석", "140,000원"), ("S석", "110,000원")]);
    }

    [Fact]
    public void ShouldListEachRoundWithItsSeatsLeftPerGradeAndItsSalesState_GivenThreeRounds()
    {
        _handler.HandleAsync(7, Arg.Any<CancellationToken>()).Returns(CatalogSamples.LesMiserables());

        var page = Render<PerformancePage>(parameters => parameters.Add(p => p.Id, 7));

        var rows = page.FindAll("[data-testid=round-row]");
        rows.Count.ShouldBe(3);
        rows[0].TextContent.ShouldContain("2026.12.01 (화)");
        rows[0].QuerySelector(".round-time")!.TextContent.ShouldBe("19:30");
        rows[0].QuerySelector("[data-testid=round-state]")!.TextContent.ShouldBe("예매 가능");
        rows[0].QuerySelectorAll("[data-testid=remaining-seats] .grade-left").Select(cell => cell.TextContent)
            .ShouldBe(["VIP석 12석", "R석 0석", "S석 41석"]);
        rows[1].QuerySelector(".round-time")!.TextContent.ShouldBe("14:00");
        rows[1].QuerySelector("[data-testid=round-state]")!.TextContent.ShouldBe("2026.12.01 (화) 10:00 예매 오픈");
        rows[2].QuerySelector("[data-testid=round-state]")!.TextContent.ShouldBe("매진");
        rows[2].ClassList.ShouldContain("round-soldout");
        rows[2].QuerySelector("[data-testid=remaining-seats]")!.TextContent.ShouldContain("VIP석 0석");
    }

    [Fact]
    public void ShouldOfferSeatSelectionOnlyForTheRoundOnSale_GivenThreeRounds()
    {
        _handler.HandleAsync(7, Arg.Any<CancellationToken>()).Returns(CatalogSamples.LesMiserables());

        var page = Render<PerformancePage>(parameters => parameters.Add(p => p.Id, 7));

        var rows = page.FindAll("[data-testid=round-row]");
        var link = rows[0].QuerySelector("[data-testid=choose-seats]")!;
        link.GetAttribute("href").ShouldBe("/rounds/101/seats");
        link.TextContent.Trim().ShouldBe("좌석 선택");
        rows[1].QuerySelector("[data-testid=choose-seats]").ShouldBeNull();
        rows[2].QuerySelector("[data-testid=choose-seats]").ShouldBeNull();
    }

    [Fact]
    public void ShouldLinkTheCastAndShowTheReviewsWithTheirAverage_GivenCastAndReviews()
    {
        _handler.HandleAsync(7, Arg.Any<CancellationToken>()).Returns(CatalogSamples.LesMiserables());

        var page = Render<PerformancePage>(parameters => parameters.Add(p => p.Id, 7));

        var cast = page.FindAll("[data-testid=cast-member]");
        cast.Count.ShouldBe(2);
        var link = cast[0].QuerySelector("a")!;
        link.GetAttribute("href").ShouldBe("/performers/11");
        link.TextContent.Trim().ShouldEndWith("홍길동");
        cast[0].QuerySelector("[data-testid=avatar-initials]")!.TextContent.ShouldBe("홍");
        cast[0].QuerySelector(".cast-role")!.TextContent.ShouldBe("장발장");
        cast[1].QuerySelectorAll("a").ShouldBeEmpty("an archived performer has no page to link to");
        cast[1].QuerySelector("img")!.GetAttribute("loading").ShouldBe("lazy");

        page.Find("[data-testid=review-average]").TextContent.ShouldBe("4.5");
        page.Find("[data-testid=review-count]").TextContent.ShouldBe("관람평 2개");
        page.Find("[data-testid=review-summary] [role=img]").GetAttribute("aria-label").ShouldBe("별점 5점 만점에 4.5점");
        var reviews = page.FindAll("[data-testid=review]");
        reviews.Select(review => review.QuerySelector(".review-content")!.TextContent).ShouldBe(["넘버가 정말 좋았어요.", "인생 뮤지컬입니다!"]);
        reviews[0].QuerySelector(".review-author")!.TextContent.ShouldBe("관람객");
        reviews[1].QuerySelector(".review-author")!.TextContent.ShouldBe("김**");
        reviews[1].TextContent.ShouldContain("2026.12.01 (화)");
    }

    [Fact]
    public void ShouldSayThereAreNoReviewsRoundsOrCastYet_GivenABareShow()
    {
        var show = CatalogSamples.LesMiserables();
        var bare = show with { Cast = [], Rounds = [], Reviews = ReviewSummary.None, IntermissionMinutes = 0, Venue = show.Venue with { HasPage = false } };
        _handler.HandleAsync(7, Arg.Any<CancellationToken>()).Returns(bare);

        var page = Render<PerformancePage>(parameters => parameters.Add(p => p.Id, 7));

        page.Find("#reviews [data-testid=empty-list]").TextContent.ShouldContain("아직 관람평이 없습니다");
        page.Find("#rounds [data-testid=empty-list]").TextContent.ShouldContain("예정된 회차가 없습니다");
        page.Find("#cast [data-testid=empty-list]").TextContent.ShouldContain("출연진 정보가 아직 없습니다");
        page.FindAll("[data-testid=round-row]").ShouldBeEmpty();
        page.FindAll("[data-testid=review-summary]").ShouldBeEmpty();
        page.Find("[data-testid=running-time]").TextContent.ShouldBe("150분");
        page.FindAll("[data-testid=venue-link]").ShouldBeEmpty("an archived venue has no page to link to");
        page.Find("[data-testid=show-facts]").TextContent.ShouldContain("블루스퀘어 신한카드홀");
        page.FindAll("h1").Count.ShouldBe(1);
    }

    [Fact]
    public void ShouldShowTwentyRoundsAndTheRestOnRequest_GivenALongRun()
    {
        var show = CatalogSamples.LesMiserables();
        var round = show.Rounds[0];
        var many = Enumerable.Range(0, 45).Select(day => round with { Id = 1000 + day, StartsAt = round.StartsAt.AddDays(day) }).ToList();
        _handler.HandleAsync(7, Arg.Any<CancellationToken>()).Returns(show with { Rounds = many });

        var page = Render<PerformancePage>(parameters => parameters.Add(p => p.Id, 7));

        page.FindAll("[data-testid=round-row]").Count.ShouldBe(PerformancePage.InitialRounds);
        var more = page.Find(".round-more button");
        more.TextContent.Trim().ShouldBe("모든 회차 보기 (45)");
        more.Click();
        page.FindAll("[data-testid=round-row]").Count.ShouldBe(45);
        page.Find(".round-more button").GetAttribute("aria-expanded").ShouldBe("true");
    }

    [Fact]
    public void ShouldShowTheNotFoundPageAndAskFor404_GivenAShowCustomersMayNotSee()
    {
        _handler.HandleAsync(99, Arg.Any<CancellationToken>()).Returns((PerformanceDetail?)null);
        var notFound = 0;
        Services.GetRequiredService<NavigationManager>().OnNotFound += (_, _) => notFound++;

        var page = Render<PerformancePage>(parameters => parameters.Add(p => p.Id, 99));

        page.Find("h1").TextContent.ShouldBe("페이지를 찾을 수 없습니다");
        page.FindAll("[data-testid=round-row]").ShouldBeEmpty();
        notFound.ShouldBe(1);
    }

    [Fact]
    public void ShouldShowProgressThenTheShow_WhileTheShowIsLoading()
    {
        var pending = new TaskCompletionSource<PerformanceDetail?>();
        _handler.HandleAsync(7, Arg.Any<CancellationToken>()).Returns(pending.Task);

        var page = Render<PerformancePage>(parameters => parameters.Add(p => p.Id, 7));

        page.Find("[role=status]").TextContent.ShouldContain("불러오는 중입니다");
        pending.SetResult(CatalogSamples.LesMiserables());
        page.WaitForAssertion(() => page.Find("h1").TextContent.ShouldBe("레미제라블"));
        page.FindAll("[data-testid=loading]").ShouldBeEmpty();
    }

    [Fact]
    public void ShouldLoadTheOtherShow_GivenTheIdInTheAddressChanges()
    {
        _handler.HandleAsync(7, Arg.Any<CancellationToken>()).Returns(CatalogSamples.LesMiserables());
        _handler.HandleAsync(8, Arg.Any<CancellationToken>()).Returns(CatalogSamples.LesMiserables() with { Id = 8, Title = "오페라의 유령" });
        var page = Render<PerformancePage>(parameters => parameters.Add(p => p.Id, 7));

        page.Render(parameters => parameters.Add(p => p.Id, 8));

        page.WaitForAssertion(() => page.Find("h1").TextContent.ShouldBe("오페라의 유령"));
        _handler.Received(1).HandleAsync(7, Arg.Any<CancellationToken>());
        _handler.Received(1).HandleAsync(8, Arg.Any<CancellationToken>());
    }

    [Fact]
    public void ShouldHandTheShowToTheInteractivePage_GivenItWasReadWhilePrerendering()
    {
        _handler.HandleAsync(7, Arg.Any<CancellationToken>()).Returns(CatalogSamples.LesMiserables());
        Render<PerformancePage>(parameters => parameters.Add(p => p.Id, 7));

        _prerendered.TriggerOnPersisting();

        _prerendered.TryTake<PerformanceDetail>("PerformancePage:7", out var handed).ShouldBeTrue();
        handed!.Title.ShouldBe("레미제라블");
        handed.Rounds.Count.ShouldBe(3);
        handed.Rounds[0].Remaining.ShouldBe(CatalogSamples.LesMiserables().Rounds[0].Remaining);
        handed.Reviews.AverageRating.ShouldBe(4.5);
    }

    [Fact]
    public void ShouldShowThePrerenderedShowWithoutQueryingAgain_GivenTheCircuitStarts()
    {
        _prerendered.Persist("PerformancePage:7", CatalogSamples.LesMiserables());

        var page = Render<PerformancePage>(parameters => parameters.Add(p => p.Id, 7));

        page.Find("h1").TextContent.ShouldBe("레미제라블");
        page.FindAll("[data-testid=loading]").ShouldBeEmpty();
        _handler.DidNotReceiveWithAnyArgs().HandleAsync(default, Xunit.TestContext.Current.CancellationToken);
    }
}
