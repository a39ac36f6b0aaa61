using Bunit;
using NSubstitute;
using Shouldly;
using TicketBlue.Domain.Rounds;
using TicketBlue.Infrastructure.Booking;
using TicketBlue.Web.Features.Booking;
using TicketBlue.Tests.Fixtures;

namespace TicketBlue.Tests.Web.Features.Booking;

[Trait("Category", "Component")]
public sealed class SeatHoldFlowTests : SeatMapTestBase
{
    [Fact]
    public async Task ShouldRefuseAPickBeyondTheRoundsTicketLimit_GivenALimitOfTwo()
    {
        UseMap(ticketLimit: 2);
        SignIn();
        var page = RenderPage();
        page.Find("[data-testid=ticket-limit]").TextContent.ShouldBe("1인 최대 2매");

        await ActivateAsync(page, 1);
        await ActivateAsync(page, 2);
        await ActivateAsync(page, 3);

        page.Find("[data-testid=status-message]").TextContent.ShouldBe("한 번에 최대 2매까지 선택할 수 있습니다.");
        page.Find("[data-testid=selection-count]").TextContent.ShouldBe("2 / 2매");
        page.FindAll("[data-testid=selection-seats] li").Select(item => item.GetAttribute("data-seat-id")).ShouldBe(["1", "2"]);
        page.Find("[data-testid=selection-total]").TextContent.ShouldBe("220,000원");
        Seat(page, 3).ClassName.ShouldBe("s av");
        Seat(page, 1).Label.ShouldBe("R석 1층 A구역 1열 1번, 110,000원, 선택함");
        Seat(page, 1).Checked.ShouldBeTrue();

        await ActivateAsync(page, 1);
        await ActivateAsync(page, 3);
        page.FindAll("[data-testid=selection-seats] li").Select(item => item.GetAttribute("data-seat-id")).ShouldBe(["2", "3"]);
    }

    /// <summary>The server counts seats already bought against the limit; so does the map, or the hold would be refused with hold.limit.</summary>
    [Fact]
    public async Task ShouldCountSeatsAlreadyBought_GivenAReturningBuyerWithThreeOfFour()
    {
        UseMap(ticketLimit: 4);
        SignIn();
        Holds.SeatsBoughtAsync(Me, RoundId, Arg.Any<CancellationToken>()).Returns(3);
        var page = RenderPage();

        await ActivateAsync(page, 1);
        await ActivateAsync(page, 2);

        page.Find("[data-testid=status-message]").TextContent.ShouldBe("한 번에 최대 1매까지 선택할 수 있습니다.");
        page.FindAll("[data-testid=selection-seats] li").Select(item => item.GetAttribute("data-seat-id")).ShouldBe(["1"]);
    }

    [Fact]
    public async Task ShouldLetNothingBePicked_GivenABuyerWhoBoughtTheWholeLimit()
    {
        UseMap(ticketLimit: 2);
        SignIn();
        Holds.SeatsBoughtAsync(Me, RoundId, Arg.Any<CancellationToken>()).Returns(2);
        var page = RenderPage();

        await ActivateAsync(page, 1);

        page.Find("[data-testid=status-message]").TextContent.ShouldBe("이 회차에서 1인 최대 2매를 이미 선점했거나 예매했습니다.");
        page.FindAll("[data-testid=selection-seats] li").ShouldBeEmpty();
    }

    [Fact]
    public async Task ShouldCountSeatsAlreadyHeldAgainstTheLimit_GivenACustomerHoldingThreeOfFour()
    {
        SignIn();
        UseBoard(Held(11, Me, Now.AddMinutes(5)), Held(12, Me, Now.AddMinutes(5)), Held(13, Me, Now.AddMinutes(5)));
        var page = RenderPage();

        await ActivateAsync(page, 1);
        await ActivateAsync(page, 2);

        page.Find("[data-testid=selection-count]").TextContent.ShouldBe("1 / 1매");
        Seat(page, 2).ClassName.ShouldBe("s av");
    }

    [Fact]
    public async Task ShouldHoldThePickedSeatsAndShowTheCountdown_GivenTheHoldSucceeds()
    {
        SignIn();
        var page = RenderPage();
        await ActivateAsync(page, 4);
        await ActivateAsync(page, 5);
        var hold = Hold(Now.AddMinutes(10), canExtend: true, 4, 5);
        Holds.HoldAsync(Me, RoundId, Arg.Is<IReadOnlyCollection<long>>(ids => ids.Order().SequenceEqual(new long[] { 4, 5 })), Arg.Any<CancellationToken>())
            .Returns(HoldResult.Success(hold));
        UseBoard(Held(4, Me, hold.ExpiresAt), Held(5, Me, hold.ExpiresAt));

        await page.Find("[data-testid=hold-button]").ClickAsync(new());

        var panel = page.Find("[data-testid=hold-panel]");
        panel.QuerySelector("[data-testid=hold-countdown]")!.TextContent.ShouldBe("10:00");
        // The ticking timer is not live (it would be read every second); the minutes are announced instead.
        panel.QuerySelector("[data-testid=hold-countdown]")!.GetAttribute("role").ShouldBe("timer");
        panel.QuerySelector("[data-testid=hold-countdown]")!.HasAttribute("aria-live").ShouldBeFalse();
        panel.QuerySelector("[data-testid=hold-countdown-announcement]")!.GetAttribute("aria-live").ShouldBe("polite");
        panel.QuerySelector("[data-testid=hold-countdown-announcement]")!.TextContent.ShouldBe("남은 선점 시간 10분");
        panel.QuerySelector("[data-testid=hold-total]")!.TextContent.ShouldBe("220,000원");
        panel.QuerySelector("[data-testid=checkout-button]")!.GetAttribute("href").ShouldBe($"/checkout/{hold.HoldId}");
        Seat(page, 4).ClassName.ShouldBe("s me");
        page.Find("[data-testid=selection-count]").TextContent.ShouldBe("0 / 2매");
        page.Find("[data-testid=status-message]").TextContent.ShouldBe("2석을 선점했습니다. 10분 안에 결제해 주세요.");

        Clock.Advance(TimeSpan.FromSeconds(61));
        page.WaitForAssertion(() => page.Find("[data-testid=hold-countdown]").TextContent.ShouldBe("08:59"));
        page.Find("[data-testid=hold-countdown-announcement]").TextContent.ShouldBe("남은 선점 시간 9분");
        Clock.Advance(TimeSpan.FromSeconds(30));
        page.WaitForAssertion(() => page.Find("[data-testid=hold-countdown]").TextContent.ShouldBe("08:29"));
        page.Find("[data-testid=hold-countdown-announcement]").TextContent.ShouldBe("남은 선점 시간 9분");
    }

    [Fact]
    public async Task ShouldNameTheSeatsLostAndRefreshTheMapWithoutHoldingAny_GivenSomeoneTookOneFirst()
    {
        SignIn();
        var page = RenderPage();
        await ActivateAsync(page, 1);
        await ActivateAsync(page, 2);
        Holds.HoldAsync(Me, RoundId, Arg.Any<IReadOnlyCollection<long>>(), Arg.Any<CancellationToken>()).Returns(HoldResult.Failed(new HoldFailure(
            "seat.unavailable",
            [new HeldSeat(2, "1층 A구역 1열 2번", "R", 110_000)])));
        UseBoard(Held(2, Someone, Now.AddMinutes(10)));

        await page.Find("[data-testid=hold-button]").ClickAsync(new());

        var failure = page.Find("[data-testid=hold-failure]");
        failure.TextContent.ShouldContain("좌석을 선점하지 못했습니다.");
        page.FindAll("[data-testid=lost-seats] li").Select(item => item.TextContent).ShouldBe(["R석 1층 A구역 1열 2번"]);
        Seat(page, 2).ClassName.ShouldBe("s ot");
        Seat(page, 1).ClassName.ShouldBe("s av sel");
        page.FindAll("[data-testid=hold-panel]").ShouldBeEmpty();
        page.FindAll("[data-testid=selection-seats] li").Select(item => item.GetAttribute("data-seat-id")).ShouldBe(["1"]);
    }

    [Fact]
    public void ShouldWarnAMinuteBeforeTheEndAndExtend_GivenAnExtensibleHold()
    {
        SignIn();
        var hold = Hold(Now.AddMinutes(3), canExtend: true, 7);
        Holds.ActiveHoldsAsync(Me, RoundId, Arg.Any<CancellationToken>()).Returns([hold]);
        UseBoard(Held(7, Me, hold.ExpiresAt));
        var extended = hold with { ExpiresAt = hold.ExpiresAt.AddMinutes(10), CanExtend = false };
        Holds.ExtendAsync(Me, hold.HoldId, Arg.Any<CancellationToken>()).Returns(HoldResult.Success(extended));
        var page = RenderPage();
        page.Find("[data-testid=hold-countdown]").TextContent.ShouldBe("03:00");
        page.FindAll("[data-testid=hold-warning]").ShouldBeEmpty();

        Clock.Advance(TimeSpan.FromMinutes(1) + TimeSpan.FromSeconds(59));
        page.WaitForAssertion(() => page.Find("[data-testid=hold-countdown]").TextContent.ShouldBe("01:01"));
        page.FindAll("[data-testid=hold-warning]").ShouldBeEmpty();

        Clock.Advance(TimeSpan.FromSeconds(1));
        page.WaitForAssertion(() => page.Find("[data-testid=hold-warning]").TextContent.ShouldContain("선점 시간이 1분 남았습니다."));
        page.Find("[data-testid=hold-countdown]").TextContent.ShouldBe("01:00");

        page.Find("[data-testid=hold-extend]").Click();

        page.WaitForAssertion(() => page.FindAll("[data-testid=hold-warning]").ShouldBeEmpty());
        page.Find("[data-testid=hold-countdown]").TextContent.ShouldBe("11:00");
        Holds.Received(1).ExtendAsync(Me, hold.HoldId, Arg.Any<CancellationToken>());
    }

    [Fact]
    public void ShouldOfferOnlyToReleaseAtTheLastMinute_GivenAHoldThatCannotBeExtended()
    {
        SignIn();
        var hold = Hold(Now.AddSeconds(50), canExtend: false, 7);
        Holds.ActiveHoldsAsync(Me, RoundId, Arg.Any<CancellationToken>()).Returns([hold]);
        UseBoard(Held(7, Me, hold.ExpiresAt));
        Holds.ReleaseAsync(Me, hold.HoldId, Arg.Any<CancellationToken>()).Returns((HoldFailure?)null);

        var page = RenderPage();

        page.WaitForAssertion(() => page.Find("[data-testid=hold-warning]").TextContent.ShouldContain("더 연장할 수 없습니다"));
        page.FindAll("[data-testid=hold-extend]").ShouldBeEmpty();
        UseBoard(Free(7, version: 2));
        page.Find("[data-testid=hold-release-warning]").Click();
        page.WaitForAssertion(() => page.FindAll("[data-testid=hold-panel]").ShouldBeEmpty());
        Seat(page, 7).ClassName.ShouldBe("s av");
        page.Find("[data-testid=status-message]").TextContent.ShouldBe("선점을 취소했습니다. 좌석이 다른 고객에게 다시 열렸습니다.");
    }

    [Fact]
    public void ShouldSayTheHoldEndedAndShowItsSeatsFree_GivenTheCountdownRunsOut()
    {
        SignIn();
        var hold = Hold(Now.AddSeconds(90), canExtend: true, 8, 9);
        Holds.ActiveHoldsAsync(Me, RoundId, Arg.Any<CancellationToken>()).Returns([hold]);
        UseBoard(Held(8, Me, hold.ExpiresAt), Held(9, Me, hold.ExpiresAt));
        var page = RenderPage();
        Seat(page, 8).ClassName.ShouldBe("s me");

        Clock.Advance(TimeSpan.FromSeconds(90));

        page.WaitForAssertion(() => page.Find("[data-testid=hold-expired]").TextContent.ShouldBe("선점 시간이 지나 좌석이 해제되었습니다. 좌석을 다시 선택해 주세요."));
        Seat(page, 8).ClassName.ShouldBe("s av");
        Seat(page, 9).ClassName.ShouldBe("s av");
        page.FindAll("[data-testid=checkout-button]").ShouldBeEmpty();
        page.Find("[data-testid=selection-count]").TextContent.ShouldBe("0 / 4매");
    }

    [Fact]
    public async Task ShouldSelectTheBestBlockNearestTheStage_GivenTwoRSeatsAsked()
    {
        SignIn();
        var page = RenderPage();
        var picker = page.FindComponent<BestAvailablePicker>();

        await picker.InvokeAsync(() => picker.Instance.OnFind.InvokeAsync(new BestAvailableRequest("R", 2, false)));

        // The stage's centre is x = 200; section B's first two seats (x 240, 260) are the nearest pair.
        page.FindAll("[data-testid=selection-seats] li").Select(item => item.GetAttribute("data-seat-id")).ShouldBe(["11", "12"]);
        Seat(page, 11).ClassName.ShouldBe("s av sel");
        Seat(page, 12).ClassName.ShouldBe("s av sel");
        page.Find("[data-testid=status-message]").TextContent.ShouldContain("1층 B구역 1열 1번, 1층 B구역 1열 2번");
    }

    [Fact]
    public async Task ShouldSayNothingFits_GivenMoreSeatsTogetherThanARowHas()
    {
        SignIn();
        UseBoard(Held(3, Someone, Now.AddMinutes(5)), Held(13, Someone, Now.AddMinutes(5)));
        var page = RenderPage();
        var picker = page.FindComponent<BestAvailablePicker>();

        await picker.InvokeAsync(() => picker.Instance.OnFind.InvokeAsync(new BestAvailableRequest("R", 3, false)));

        page.FindAll("[data-testid=selection-seats] li").ShouldBeEmpty();
        page.Find("[data-testid=status-message]").TextContent.ShouldBe("R석 3석을 나란히 앉을 수 있는 좌석이 없습니다. 매수나 등급을 바꿔 보세요.");
    }

    [Fact]
    public async Task ShouldShowTheMapLiveButAskToSignInToHold_GivenASignedOutVisitor()
    {
        AddAuthorization();
        var page = RenderPage();
        await ActivateAsync(page, 1);

        page.FindAll("[data-testid=hold-button]").ShouldBeEmpty();
        page.Find("[data-testid=sign-in-to-hold]").GetAttribute("href").ShouldBe("/Account/Login?ReturnUrl=%2Frounds%2F42%2Fseats");
        await PublishAsync(Held(2, Someone, Now.AddMinutes(5)));
        page.WaitForAssertion(() => Seat(page, 2).ClassName.ShouldBe("s ot"));
        await Holds.DidNotReceiveWithAnyArgs().ActiveHoldsAsync(default!, default, Xunit.TestContext.Current.CancellationToken);
    }

    [Fact]
    public void ShouldSayWhySeatsCannotBeHeld_GivenSalesNotOpenYet()
    {
        UseMap(ticketLimit: 4, RoundSalesState.NotOpenYet);
        SignIn();

        var page = RenderPage();

        page.Find("[data-testid=sales-state]").TextContent.ShouldBe("예매가 아직 열리지 않았습니다. 예매 오픈: 2026.11.24 (화) 10:00");
        page.FindAll("[data-testid=hold-button]").ShouldBeEmpty();
    }

    private static HoldView Hold(DateTimeOffset expiresAt, bool canExtend, params long[] ids) => new(
        Guid.NewGuid(),
        RoundId,
        Now,
        expiresAt,
        canExtend,
        ids.Select(id => Layout.Seats.Single(seat => seat.RoundSeatId == id))
            .Select(seat => new HeldSeat(seat.RoundSeatId, seat.Label, seat.Grade, seat.Price))
            .ToList());
}
