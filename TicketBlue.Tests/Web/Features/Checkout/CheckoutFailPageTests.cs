using Bunit;
using NSubstitute;
using Shouldly;
using TicketBlue.Infrastructure.Checkout;
using TicketBlue.Web.Features.Checkout;
using TicketBlue.Tests.Fixtures;

namespace TicketBlue.Tests.Web.Features.Checkout;

[Trait("Category", "Component")]
public sealed class CheckoutFailPageTests : CheckoutTestBase
{
    [Fact]
    public async Task ShouldRecordTheFailureOnceAndOfferToPayAgain_GivenTheHoldStillRuns()
    {
        var report = new PaymentFailureReport(OrderId, CheckoutCodes.CardRejected, "카드사에서 결제를 거절했습니다. (데모 결제)");
        Confirmations.RecordFailureAsync(Me, report, Arg.Any<CancellationToken>())
            .Returns(CheckoutResult.Success(new FailedPayment(501, HoldId, report.Code, CanRetry: true, Now.AddMinutes(6))));
        Navigation.NavigateTo(CheckoutUrls.FailRedirect(report.Code, report.Message, OrderId));

        var page = Render<CheckoutFailPage>();
        page.Render();

        page.WaitForAssertion(() => page.Find("[data-testid=fail-message]").TextContent.ShouldBe("카드사에서 결제를 거절했습니다. 한도나 잔액을 확인하거나 다른 카드로 결제해 주세요."));
        page.Find("[data-testid=retry]").GetAttribute("href").ShouldBe($"/checkout/{HoldId}");
        page.Find("[data-testid=retry]").TextContent.Trim().ShouldBe("다시 결제하기");
        await Confirmations.Received(1).RecordFailureAsync(Arg.Any<string>(), Arg.Any<PaymentFailureReport>(), Arg.Any<CancellationToken>());
    }

    [Fact]
    public void ShouldNotOfferToPayAgain_GivenTheOrderCanNoLongerBePaid()
    {
        Confirmations.RecordFailureAsync(Me, Arg.Any<PaymentFailureReport>(), Arg.Any<CancellationToken>())
            .Returns(CheckoutResult.Success(new FailedPayment(501, HoldId, CheckoutCodes.PayProcessCanceled, CanRetry: false, Now.AddMinutes(-1))));
        Navigation.NavigateTo(CheckoutUrls.FailRedirect(CheckoutCodes.PayProcessCanceled, "사용자가 결제를 취소했습니다.", OrderId));

        var page = Render<CheckoutFailPage>();

        page.WaitForAssertion(() => page.Find("[data-testid=fail-no-retry]").TextContent.ShouldBe("이 주문은 더 이상 결제할 수 없습니다. 좌석을 다시 선택해 주세요."));
        page.FindAll("[data-testid=retry]").ShouldBeEmpty();
    }
}
