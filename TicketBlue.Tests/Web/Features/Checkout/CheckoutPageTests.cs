using Bunit;
using NSubstitute;
using Shouldly;
using TicketBlue.Domain.Payments;
using TicketBlue.Infrastructure.Booking;
using TicketBlue.Infrastructure.Checkout;
using TicketBlue.Web.Features.Checkout;
using TicketBlue.Web.RateLimiting;
using TicketBlue.Tests.Fixtures;

namespace TicketBlue.Tests.Web.Features.Checkout;

[Trait("Category", "Component")]
public sealed class CheckoutPageTests : CheckoutTestBase
{
    public CheckoutPageTests()
    {
        Checkout.QuoteAsync(Me, HoldId, null, Arg.Any<CancellationToken>()).Returns(CheckoutResult.Success(Quote()));
        Checkout.QuoteAsync(Me, HoldId, TenThousandOff.CouponId, Arg.Any<CancellationToken>()).Returns(CheckoutResult.Success(Quote(TenThousandOff.CouponId)));
    }

    [Fact]
    public void ShouldShowTheShowSeatsAndAmounts_GivenAHold()
    {
        var page = RenderPage();

        page.Find("[data-testid=performance-title]").TextContent.ShouldBe("뮤지컬 캣츠");
        page.Find("[data-testid=round-when]").TextContent.ShouldBe("2026.12.24 (목) 19:30");
        page.FindAll("[data-testid=checkout-seats] li")
            .Select(item => string.Join(" / ", item.QuerySelectorAll("span").Select(span => span.TextContent)))
            .ShouldBe(["R석 / 1층 A구역 1열 3번 / 110,000원", "S석 / 1층 A구역 2열 3번 / 80,000원"]);
        page.Find("[data-testid=amount-total]").TextContent.ShouldBe("190,000원");
        page.Find("[data-testid=hold-countdown]").TextContent.ShouldBe("08:00");
        page.Find("[data-testid=pay-button]").HasAttribute("disabled").ShouldBeTrue();
    }

    [Fact]
    public async Task ShouldRecalculateTheTotal_GivenAnApplicableCouponIsChosen()
    {
        var page = RenderPage();

        await page.Find($"[data-coupon-id='{TenThousandOff.CouponId}'] input").ChangeAsync(new() { Value = "5" });

        page.Find("[data-testid=amount-discount]").TextContent.ShouldBe("-10,000원");
        page.Find("[data-testid=amount-total]").TextContent.ShouldBe("180,000원");
        page.Find("[data-testid=amount-total]").GetAttribute("aria-live").ShouldBe("polite");
        page.Find($"[data-coupon-id='{TenThousandOff.CouponId}'] input").HasAttribute("checked").ShouldBeTrue();
    }

    [Fact]
    public void ShouldGreyOutACouponWithItsReason_GivenItDoesNotApply()
    {
        var page = RenderPage();

        var option = page.Find($"[data-coupon-id='{MusicalOnly.CouponId}']");
        option.ClassList.ShouldContain("is-disabled");
        option.QuerySelector("input")!.HasAttribute("disabled").ShouldBeTrue();
        option.QuerySelector("[data-testid=coupon-reason]")!.TextContent.ShouldBe("이 공연에는 쓸 수 없는 쿠폰입니다.");
        option.QuerySelector("input")!.GetAttribute("aria-describedby").ShouldBe($"coupon-reason-{MusicalOnly.CouponId}");
    }

    [Fact]
    public async Task ShouldShowTheMessageAndTheLostSeats_GivenPlacingTheOrderFails()
    {
        var lost = new CheckoutFailure("hold.expired", [new HeldSeat(3, "1층 A구역 1열 3번", "R", 110_000)]);
        Checkout.PlaceOrderAsync(Me, HoldId, null, Arg.Any<CancellationToken>()).Returns(CheckoutResult.Failed<PlacedOrder>(lost));
        var page = RenderPage();

        await AgreeAsync(page);
        await page.Find("[data-testid=pay-button]").ClickAsync(new());

        page.Find("[data-testid=checkout-failure-message]").TextContent.Trim().ShouldBe("선점 시간이 지나 좌석이 해제되었습니다. 좌석을 다시 선택해 주세요.");
        page.FindAll("[data-testid=lost-seats] li").Select(item => item.TextContent).ShouldBe(["R석 1층 A구역 1열 3번"]);
        page.Find("[data-testid=checkout-failure] [role=alert]").ShouldNotBeNull();
        Navigation.Uri.ShouldBe("http://localhost/");
    }

    [Fact]
    public async Task ShouldPlaceTheOrderOnce_GivenPayIsClickedAgainWhileItIsBeingPlaced()
    {
        var placed = new TaskCompletionSource<CheckoutResult<PlacedOrder>>();
        Checkout.PlaceOrderAsync(Me, HoldId, TenThousandOff.CouponId, Arg.Any<CancellationToken>()).Returns(placed.Task);
        var page = RenderPage();
        await page.Find($"[data-coupon-id='{TenThousandOff.CouponId}'] input").ChangeAsync(new() { Value = "5" });
        await AgreeAsync(page);

        var first = page.Find("[data-testid=pay-button]").ClickAsync(new());
        page.Find("[data-testid=pay-button]").HasAttribute("disabled").ShouldBeTrue();
        page.Find("[data-testid=checkout-status]").TextContent.ShouldContain("주문을 만들고 있습니다…", customMessage: page.Find(".checkout-pay").OuterHtml);
        await page.Find("[data-testid=pay-button]").ClickAsync(new());
        placed.SetResult(CheckoutResult.Success(Order()));
        await first;

        await Checkout.Received(1).PlaceOrderAsync(Me, HoldId, TenThousandOff.CouponId, Arg.Any<CancellationToken>());
        Navigation.Uri.ShouldBe($"http://localhost/pay/demo/{OrderId}");
        page.Find("[data-testid=pay-button]").HasAttribute("disabled").ShouldBeTrue();
    }

    [Fact]
    public async Task ShouldSayHowLongToWaitAndPlaceNothing_GivenTheAccountIsOverItsOrderLimit()
    {
        LimitOptions.Orders.PerAccount = new LimitWindow(1, TimeSpan.FromMinutes(30));
        Checkout.PlaceOrderAsync(Me, HoldId, null, Arg.Any<CancellationToken>())
            .Returns(CheckoutResult.Failed<PlacedOrder>(new CheckoutFailure("hold.expired", [])));
        var page = RenderPage();
        await AgreeAsync(page);
        await page.Find("[data-testid=pay-button]").ClickAsync(new());

        await page.Find("[data-testid=pay-button]").ClickAsync(new());

        page.Find("[data-testid=checkout-failure-message]").TextContent.Trim().ShouldBe("주문 요청이 너무 잦습니다. 30분 0초 후에 다시 시도해 주세요.");
        await Checkout.Received(1).PlaceOrderAsync(Me, HoldId, null, Arg.Any<CancellationToken>());
    }

    [Fact]
    public async Task ShouldGoToTheTossWindowPage_GivenTheOrderIsPaidThroughToss()
    {
        Checkout.PlaceOrderAsync(Me, HoldId, null, Arg.Any<CancellationToken>()).Returns(CheckoutResult.Success(Order(PaymentProvider.Toss)));
        var page = RenderPage();

        await AgreeAsync(page);
        await page.Find("[data-testid=pay-button]").ClickAsync(new());

        Navigation.Uri.ShouldBe($"http://localhost/pay/toss/{OrderId}");
    }

    [Fact]
    public async Task ShouldConfirmWithoutAPaymentWindow_GivenACouponThatPaysEverything()
    {
        var invitation = new CouponOption(9, "INVITE100", "초대권", "100% 할인", 190_000, Applicable: true, null);
        Checkout.QuoteAsync(Me, HoldId, null, Arg.Any<CancellationToken>()).Returns(CheckoutResult.Success(Quote() with { Coupons = [invitation], AppliedCouponId = invitation.CouponId, Discount = 190_000, Total = 0 }));
        Checkout.PlaceOrderAsync(Me, HoldId, invitation.CouponId, Arg.Any<CancellationToken>())
            .Returns(CheckoutResult.Success(Order(PaymentProvider.Free) with { Amount = 0 }));
        var page = RenderPage();

        page.Find("[data-testid=pay-button]").TextContent.Trim().ShouldBe("결제 없이 예매 확정");
        page.Find("[data-testid=free-order-note]").TextContent.ShouldContain("결제 없이 바로 예매가 확정됩니다");
        await AgreeAsync(page);
        await page.Find("[data-testid=pay-button]").ClickAsync(new());

        Navigation.Uri.ShouldBe($"http://localhost/checkout/success?paymentKey={Uri.EscapeDataString(FreeOrder.PaymentKey(OrderId))}&orderId={Uri.EscapeDataString(OrderId)}&amount=0");
    }

    [Fact]
    public void ShouldStopPayment_GivenTheHoldRunsOut()
    {
        var page = RenderPage();

        Clock.Advance(TimeSpan.FromMinutes(8));

        page.WaitForAssertion(() => page.Find("[data-testid=hold-expired]").TextContent.ShouldContain("선점 시간이 끝나 결제할 수 없습니다."));
        page.Find("[data-testid=pay-button]").HasAttribute("disabled").ShouldBeTrue();
        page.Find("[data-testid=agree]").HasAttribute("disabled").ShouldBeTrue();
    }

    private IRenderedComponent<CheckoutPage> RenderPage() =>
        Render<CheckoutPage>(parameters => parameters.Add(page => page.HoldId, HoldId));

    private static Task AgreeAsync(IRenderedComponent<CheckoutPage> page) =>
        page.Find("[data-testid=agree]").ChangeAsync(new() { Value = true });
}
