using Bunit;
using NSubstitute;
using Shouldly;
using TicketBlue.Domain.Rounds;
using TicketBlue.Infrastructure.Booking;
using TicketBlue.Web.Features.Booking;
using TicketBlue.Tests.Fixtures;

namespace TicketBlue.Tests.Web.Features.Booking;

[Trait("Category", "Component")]
public sealed class SeatMapLiveTests : SeatMapTestBase
{
    [Fact]
    public void ShouldDrawEachSeatAsThisViewerSeesIt_GivenSeatsHeldByThemByOthersSoldAndBlocked()
    {
        SignIn();
        UseBoard(
            Held(1, Me, Now.AddMinutes(5)),
            Held(2, Someone, Now.AddMinutes(5)),
            new SeatStatus(3, SeatState.Sold, null, null),
            new SeatStatus(4, SeatState.Blocked, null, null),
            Held(5, Someone, Now.AddMinutes(-1)));

        var page = RenderPage();

        Seat(page, 1).ClassName.ShouldBe("s me");
        Seat(page, 1).Label.ShouldBe("R석 1층 A구역 1열 1번, 110,000원, 내가 선점한 좌석");
        Seat(page, 2).ClassName.ShouldBe("s ot");
        Seat(page, 2).Label.ShouldBe("R석 1층 A구역 1열 2번, 110,000원, 다른 고객이 선점 중");
        Seat(page, 2).Disabled.ShouldBeTrue();
        Seat(page, 3).ClassName.ShouldBe("s so");
        Seat(page, 3).Label.ShouldEndWith(", 판매 완료");
        Seat(page, 4).ClassName.ShouldBe("s bl");
        Seat(page, 4).Label.ShouldEndWith(", 판매하지 않는 좌석");

        // A hold that has run out is free at once, before any sweep says so.
        Seat(page, 5).ClassName.ShouldBe("s av");
        Seat(page, 5).Label.ShouldBe("R석 1층 A구역 1열 5번, 110,000원, 선택 가능");
        Seat(page, 5).Disabled.ShouldBeFalse();
        Seat(page, 6).Label.ShouldBe("S석 1층 A구역 2열 1번 휠체어석, 80,000원, 선택 가능");
        Seat(page, 6).Wheelchair.ShouldBeTrue();
        Seat(page, 5).Wheelchair.ShouldBeFalse();
        page.Find("[data-testid=legend-grade][data-grade=R] [data-testid=legend-left]").TextContent.ShouldBe("잔여 6/10석");
    }

    [Fact]
    public void ShouldShowTheSameSeatAsHeldByMe_ToItsHolderAndHeldByOthers_ToEveryoneElse()
    {
        UseBoard(Held(7, Me, Now.AddMinutes(5)));
        SignIn(Someone);

        var page = RenderPage();

        Seat(page, 7).ClassName.ShouldBe("s ot");
    }

    [Fact]
    public async Task ShouldSendTheBrowserOnlyTheSeatThatChanged_GivenAHoldAnywhereInTheRound()
    {
        SignIn();
        var page = RenderPage();
        var attach = MapModule.Invocations["attach"].ShouldHaveSingleItem();
        ((byte[])attach.Arguments[3]!).Length.ShouldBe(20);
        attach.Arguments[2].ShouldBe(page.Find("[data-testid=seat-map]").GetAttribute("data-drawing"));
        SentUpdates().ShouldBeEmpty();

        await PublishAsync(Held(13, Someone, Now.AddMinutes(10)));

        // Seat 13 is the 13th of the drawing: index 12, "held by others" (2), in four bytes.
        page.WaitForAssertion(() => SentUpdates().ShouldHaveSingleItem().ShouldBe(new byte[] { 12, 0, 0, 2 }));
        Seat(page, 13).ClassName.ShouldBe("s ot");
        page.Find("[data-testid=legend-grade][data-grade=R] [data-testid=legend-left]").TextContent.ShouldBe("잔여 9/10석");
    }

    [Fact]
    public async Task ShouldShowASeatFreeAgainAndIgnoreAnOlderMessage_GivenARelease()
    {
        SignIn();
        UseBoard(Held(3, Someone, Now.AddMinutes(10), version: 4));
        var page = RenderPage();

        await PublishAsync(Free(3, version: 3));
        Seat(page, 3).ClassName.ShouldBe("s ot");

        await PublishAsync(Free(3, version: 5));
        page.WaitForAssertion(() => Seat(page, 3).ClassName.ShouldBe("s av"));
    }

    [Fact]
    public async Task ShouldDropAPickAndSaySo_GivenSomeoneElseHoldsItFirst()
    {
        SignIn();
        var page = RenderPage();
        await ActivateAsync(page, 2);
        Seat(page, 2).ClassName.ShouldBe("s av sel");

        await PublishAsync(Held(2, Someone, Now.AddMinutes(10)));

        page.WaitForAssertion(() => Seat(page, 2).ClassName.ShouldBe("s ot"));
        page.Find("[data-testid=status-message]").TextContent.ShouldBe("선택한 좌석을 다른 고객이 먼저 선점했습니다: R석 1층 A구역 1열 2번, 110,000원");
        page.Find("[data-testid=selection-count]").TextContent.ShouldBe("0 / 4매");
    }

    [Fact]
    public async Task ShouldSayTheMapDidNotLoadAndKeepTheList_GivenTheDrawingCannotBeFetched()
    {
        SignIn();
        var page = RenderPage();
        page.FindAll("[data-testid=seat-map-failed]").ShouldBeEmpty();

        // What the map's script reports when the drawing cannot be fetched after its retries.
        var canvas = page.FindComponent<SeatMapCanvas>();
        await canvas.InvokeAsync(canvas.Instance.DrawingFailedAsync);

        page.WaitForAssertion(() => page.Find("[data-testid=seat-map-failed]").TextContent.ShouldBe("배치도를 불러오지 못했습니다. 좌석 목록 탭에서 좌석을 고르거나 페이지를 새로 고쳐 주세요."));
        page.Find("#seat-tab-list").Click();
        page.FindAll("[data-testid=list-grade]").Count.ShouldBe(2);
    }

    [Fact]
    public async Task ShouldStopListening_GivenThePageGoesAway()
    {
        var subscription = Substitute.For<IDisposable>();
        Feed.Subscribe(RoundId, Arg.Any<Func<IReadOnlyList<SeatStatus>, Task>>()).Returns(subscription);
        RenderPage();

        await DisposeComponentsAsync();

        subscription.Received(1).Dispose();
    }

}
