using Bunit;
using Bunit.TestDoubles;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;
using NSubstitute;
using Shouldly;
using TicketBlue.Web;
using TicketBlue.Web.Features.Catalog;
using TicketBlue.Web.Features.Catalog.Venues;
using TicketBlue.Tests.Fixtures;

namespace TicketBlue.Tests.Web.Features.Catalog;

[Trait("Category", "Component")]
public sealed class VenuePageTests : ComponentTestBase
{
    private readonly IGetVenueDetailHandler _handler = Substitute.For<IGetVenueDetailHandler>();
    private readonly BunitPersistentComponentState _prerendered;

    public VenuePageTests()
    {
        Services.AddSingleton(_handler);
        _prerendered = AddBunitPersistentComponentState();
    }

    [Fact]
    public void ShouldShowTheVenueItsSeatMapAndItsShows_GivenAVenueWithShows()
    {
        _handler.HandleAsync(3, Arg.Any<CancellationToken>()).Returns(new VenueDetail(
            3,
            "블루스퀘어 신한카드홀",
            "Blue Square Shinhan Card Hall",
            "서울특별시 용산구 이태원로 294",
            "서울",
            "한남동의 뮤지컬 전용 극장",
            CatalogSamples.SeatMap(rows: 2, seatsPerRow: 3),
            [CatalogSamples.Card(1, "레미제라블"), CatalogSamples.Card(2, "오페라의 유령")],
            CatalogSamples.Now));

        var page = Render<VenuePage>(parameters => parameters.Add(p => p.Id, 3));

        page.Find("h1").TextContent.ShouldBe("블루스퀘어 신한카드홀");
        page.Find(".venue-english").TextContent.ShouldBe("Blue Square Shinhan Card Hall");
        page.Find(".venue-region").TextContent.ShouldBe("서울");
        page.Find("[data-testid=venue-address]").TextContent.ShouldContain("서울특별시 용산구 이태원로 294");
        page.Find(".venue-description").TextContent.ShouldBe("한남동의 뮤지컬 전용 극장");
        page.FindAll("h2").Select(heading => heading.TextContent).ShouldBe(["공연장 소개", "좌석 배치도", "공연 중·예정 공연"]);
        page.Find("svg[data-testid=seat-map]").GetAttribute("aria-label").ShouldBe("좌석 배치도: 2개 층, 4개 구역, 24석");
        page.FindAll("[data-testid=venue-performances] [data-testid=performance-card]").Count.ShouldBe(2);
    }

    [Fact]
    public void ShouldSayTheMapIsComingAndNothingIsOn_GivenANewVenue()
    {
        _handler.HandleAsync(4, Arg.Any<CancellationToken>()).Returns(new VenueDetail(4, "신축 공연장", null, "서울특별시 마포구 1", "서울", string.Empty, null, [], CatalogSamples.Now));

        var page = Render<VenuePage>(parameters => parameters.Add(p => p.Id, 4));

        page.FindAll("svg[data-testid=seat-map]").ShouldBeEmpty();
        page.FindAll("[data-testid=empty-list]").Select(empty => empty.TextContent.Trim()).ShouldBe(["좌석 배치도를 준비하고 있습니다", "예정된 공연이 없습니다"]);
        page.FindAll(".venue-english").ShouldBeEmpty();
        page.FindAll("h2").Select(heading => heading.TextContent).ShouldBe(["좌석 배치도", "공연 중·예정 공연"]);
    }

    [Fact]
    public void ShouldShowTheNotFoundPageAndAskFor404_GivenAnArchivedVenue()
    {
        _handler.HandleAsync(5, Arg.Any<CancellationToken>()).Returns((VenueDetail?)null);
        var notFound = 0;
        Services.GetRequiredService<NavigationManager>().OnNotFound += (_, _) => notFound++;

        var page = Render<VenuePage>(parameters => parameters.Add(p => p.Id, 5));

        page.Find("h1").TextContent.ShouldBe("페이지를 찾을 수 없습니다");
        page.FindAll("[data-testid=seat-map-preview]").ShouldBeEmpty();
        notFound.ShouldBe(1);
    }

    [Fact]
    public void ShouldShowProgress_WhileTheVenueIsLoading()
    {
        var pending = new TaskCompletionSource<VenueDetail?>();
        _handler.HandleAsync(3, Arg.Any<CancellationToken>()).Returns(pending.Task);

        var page = Render<VenuePage>(parameters => parameters.Add(p => p.Id, 3));

        page.Find("[data-testid=loading][role=status]").TextContent.ShouldContain("불러오는 중입니다");
        page.FindAll("h1").ShouldBeEmpty();
    }

    [Fact]
    public void ShouldHandTheDrawnSeatMapRatherThanItsSeatsToTheInteractivePage_GivenALargeHall()
    {
        var map = CatalogSamples.SeatMap(rows: 24, seatsPerRow: 26, sectionsPerFloor: 3);
        _handler.HandleAsync(5, Arg.Any<CancellationToken>()).Returns(new VenueDetail(5, "올림픽공원 KSPO DOME", null, "서울특별시 송파구 올림픽로 424", "서울", string.Empty, map, [], CatalogSamples.Now));
        Render<VenuePage>(parameters => parameters.Add(p => p.Id, 5));

        _prerendered.TriggerOnPersisting();

        _prerendered.TryTake<VenueView>("VenuePage:5", out var handed).ShouldBeTrue();
        handed!.Venue.SeatMap.ShouldBeNull();
        handed.SeatMap!.Svg.ShouldContain("3,744석");
        handed.SeatMap.Svg.Length.ShouldBeLessThan(3_744 * 10);
    }

    [Fact]
    public void ShouldShowThePrerenderedVenueWithoutQueryingAgain_GivenTheCircuitStarts()
    {
        var map = CatalogSamples.SeatMap(rows: 2, seatsPerRow: 3);
        var picture = SeatMapPictures.Draw(map, Services.GetRequiredService<IStringLocalizer<CatalogResource>>());
        _prerendered.Persist("VenuePage:3", new VenueView(new VenueDetail(3, "블루스퀘어 신한카드홀", null, "서울특별시 용산구 이태원로 294", "서울", string.Empty, null, [], CatalogSamples.Now), picture));

        var page = Render<VenuePage>(parameters => parameters.Add(p => p.Id, 3));

        page.Find("h1").TextContent.ShouldBe("블루스퀘어 신한카드홀");
        page.Find("svg[data-testid=seat-map]").GetAttribute("aria-label").ShouldBe("좌석 배치도: 2개 층, 4개 구역, 24석");
        _handler.DidNotReceiveWithAnyArgs().HandleAsync(default, Xunit.TestContext.Current.CancellationToken);
    }
}
