using Bunit;
using NSubstitute;
using Shouldly;
using TicketBlue.Web.Features.Checkout;
using TicketBlue.Tests.Fixtures;

namespace TicketBlue.Tests.Web.Features.Checkout;

[Trait("Category", "Component")]
public sealed class DemoPayPageTests : CheckoutTestBase
{
    public DemoPayPageTests()
    {
        Demo.IsAvailable.Returns(true);
        PendingOrders.HandleAsync(Me, OrderId, Arg.Any<CancellationToken>()).Returns(Pending());
    }

    [Fact]
    public void ShouldLookLikeACardCheckoutWithTheServersAmount_GivenAnOrderWaitingForPayment()
    {
        Navigation.NavigateTo($"/pay/demo/{OrderId}?amount=100");

        var page = RenderPage();

        page.Find("[data-testid=demo-merchant]").TextContent.ShouldBe("TicketBlue");
        page.Find("[data-testid=demo-order-name]").TextContent.ShouldBe("뮤지컬 캣츠 2매");
        page.Find("[data-testid=demo-amount]").TextContent.ShouldBe("180,000원");
        page.Find("[data-testid=demo-card-number]").GetAttribute("value").ShouldBe(DemoPayPage.TestCardNumber);
        page.Find("label[for=demo-card-number]").TextContent.ShouldBe("카드 번호");
        page.Find("[data-testid=demo-approve]").TextContent.Trim().ShouldBe("180,000원 결제 승인");
    }

    [Fact]
    public async Task ShouldAuthorizeTheOrdersAmountAndReturnToTheSuccessUrl_GivenApprove()
    {
        Demo.AuthorizeAsync(OrderId, 180_000, Arg.Any<CancellationToken>()).Returns("tdemo_abc");
        var page = RenderPage();

        await page.Find("[data-testid=demo-approve]").ClickAsync(new());

        await Demo.Received(1).AuthorizeAsync(OrderId, 180_000, Arg.Any<CancellationToken>());
        Navigation.Uri.ShouldBe($"http://localhost/checkout/success?paymentKey=tdemo_abc&orderId={OrderId}&amount=180000");
    }

    [Fact]
    public async Task ShouldReturnToTheFailureUrlWithoutAuthorizing_GivenDecline()
    {
        var page = RenderPage();

        await page.Find("[data-testid=demo-decline]").ClickAsync(new());

        await Demo.DidNotReceive().AuthorizeAsync(Arg.Any<string>(), Arg.Any<long>(), Arg.Any<CancellationToken>());
        var uri = new Uri(Navigation.Uri);
        uri.AbsolutePath.ShouldBe(CheckoutUrls.Fail);
        var query = System.Web.HttpUtility.ParseQueryString(uri.Query);
        query["code"].ShouldBe(CheckoutCodes.CardRejected);
        query["message"].ShouldBe("카드사에서 결제를 거절했습니다. (데모 결제)");
        query["orderId"].ShouldBe(OrderId);
    }

    [Fact]
    public async Task ShouldReturnAsCancelled_GivenCancel()
    {
        var page = RenderPage();

        await page.Find("[data-testid=demo-cancel]").ClickAsync(new());

        System.Web.HttpUtility.ParseQueryString(new Uri(Navigation.Uri).Query)["code"].ShouldBe(CheckoutCodes.PayProcessCanceled);
    }

    [Fact]
    public void ShouldOfferNoPayment_GivenAnOrderThatIsNotTheCustomers()
    {
        var page = Render<DemoPayPage>(parameters => parameters.Add(p => p.OrderId, "TBsomeone-elses"));

        page.Find("[data-testid=demo-missing]").TextContent.ShouldBe("결제할 주문을 찾을 수 없습니다.");
        page.FindAll("[data-testid=demo-approve]").ShouldBeEmpty();
    }

    [Fact]
    public void ShouldOfferNoPayment_GivenAnOrderAlreadyPaidOrOverdue()
    {
        PendingOrders.HandleAsync(Me, OrderId, Arg.Any<CancellationToken>()).Returns(Pending(payable: false));

        var page = RenderPage();

        page.Find("[data-testid=demo-not-payable]").TextContent.ShouldContain("이미 결제되었거나 결제 기한이 지난 주문입니다.");
        page.FindAll("[data-testid=demo-approve]").ShouldBeEmpty();
    }

    private IRenderedComponent<DemoPayPage> RenderPage() =>
        Render<DemoPayPage>(parameters => parameters.Add(p => p.OrderId, OrderId));
}
