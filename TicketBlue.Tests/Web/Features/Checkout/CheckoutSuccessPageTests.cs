using Bunit;
using NSubstitute;
using Shouldly;
using TicketBlue.Infrastructure.Booking;
using TicketBlue.Infrastructure.Checkout;
using TicketBlue.Infrastructure.Localization;
using TicketBlue.Web.Features.Checkout;
using TicketBlue.Tests.Fixtures;

namespace TicketBlue.Tests.Web.Features.Checkout;

[Trait("Category", "Component")]
public sealed class CheckoutSuccessPageTests : CheckoutTestBase
{
    private static readonly PaymentConfirmation Redirect = new("tdemo_abc", OrderId, 180_000);

    [Fact]
    public async Task ShouldConfirmOnceAndOpenTheReservation_GivenTheGatewaysSuccessRedirect()
    {
        var confirmed = new TaskCompletionSource<CheckoutResult<ConfirmedReservation>>();
        Confirmations.ConfirmAsync(Me, Redirect, Arg.Any<CancellationToken>()).Returns(confirmed.Task);

        var page = RenderPage();
        page.Find("[data-testid=confirm-progress]").TextContent.ShouldContain("결제를 확인하고 있습니다…");
        page.Find("[data-testid=confirm-progress]").GetAttribute("aria-live").ShouldBe("polite");
        page.Render();
        confirmed.SetResult(CheckoutResult.Success(new ConfirmedReservation(501, "TB-20261126-0501", AlreadyConfirmed: false)));

        page.WaitForAssertion(() => Navigation.Uri.ShouldBe("http://localhost/reservations/501"));
        await Confirmations.Received(1).ConfirmAsync(Arg.Any<string>(), Arg.Any<PaymentConfirmation>(), Arg.Any<CancellationToken>());
    }

    [Fact]
    public void ShouldSayThePaymentIsBeingCheckedAndOfferMyReservations_GivenTheOutcomeIsUnknown()
    {
        Confirmations.ConfirmAsync(Me, Redirect, Arg.Any<CancellationToken>())
            .Returns(CheckoutResult.Failed<ConfirmedReservation>(new CheckoutFailure(CheckoutCodes.PaymentUnknownOutcome, [])));

        var page = RenderPage();

        page.WaitForAssertion(() => page.Find("[data-testid=confirm-unknown]").TextContent.ShouldContain("결제 확인 중"));
        page.Find("[data-testid=my-reservations]").GetAttribute("href").ShouldBe(CheckoutUrls.MyReservations);
        Navigation.Uri.ShouldStartWith("http://localhost/checkout/success");
    }

    [Fact]
    public void ShouldListTheLostSeats_GivenSeatsWereSoldToSomeoneElse()
    {
        HeldSeat[] lost = [new HeldSeat(8, "1층 A구역 2열 3번", "S", 80_000)];
        var failure = new CheckoutFailure("checkout.seat_lost", lost) { Error = new ErrorText("checkout.seat_lost", new SeatNames(lost)) { Variant = "refunded" } };
        Confirmations.ConfirmAsync(Me, Redirect, Arg.Any<CancellationToken>()).Returns(CheckoutResult.Failed<ConfirmedReservation>(failure));

        var page = RenderPage();

        page.WaitForAssertion(() => page.Find("[data-testid=checkout-failure-message]").TextContent.Trim().ShouldBe("선점 시간이 지나 S석 1층 A구역 2열 3번 좌석이 다른 고객에게 판매되어 결제를 자동 취소했습니다. 결제 금액은 전액 환불됩니다."));
        page.FindAll("[data-testid=lost-seats] li").Select(item => item.TextContent).ShouldBe(["S석 1층 A구역 2열 3번"]);
    }

    [Fact]
    public async Task ShouldNotConfirm_GivenARedirectWithoutAnAmount()
    {
        Navigation.NavigateTo($"/checkout/success?paymentKey=tdemo_abc&orderId={OrderId}");

        var page = Render<CheckoutSuccessPage>();

        page.WaitForAssertion(() => page.Find("[data-testid=confirm-invalid]").TextContent.ShouldBe("결제 정보가 올바르지 않습니다."));
        await Confirmations.DidNotReceive().ConfirmAsync(Arg.Any<string>(), Arg.Any<PaymentConfirmation>(), Arg.Any<CancellationToken>());
    }

    private IRenderedComponent<CheckoutSuccessPage> RenderPage()
    {
        Navigation.NavigateTo(CheckoutUrls.SuccessRedirect(Redirect.PaymentKey, Redirect.OrderId, Redirect.Amount));
        return Render<CheckoutSuccessPage>();
    }
}
