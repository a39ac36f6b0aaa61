using Bunit;
using NSubstitute;
using Shouldly;
using TicketBlue.Domain.Booking;
using TicketBlue.Infrastructure.Booking;
using TicketBlue.Infrastructure.Accounts;
using TicketBlue.Tests.Fixtures;

namespace TicketBlue.Tests.Web.Features.Booking;

/// <summary>The seat page for a customer who has not confirmed their e-mail: why seats cannot be held, and the link again.</summary>
[Trait("Category", "Component")]
public sealed class EmailConfirmationNoticeTests : SeatMapTestBase
{
    [Fact]
    public void ShouldSayWhySeatsCannotBeHeldAndOfferTheLink_GivenAnUnconfirmedCustomer()
    {
        SignIn();
        Confirmations.IsConfirmedAsync(Me, Arg.Any<CancellationToken>()).Returns(false);

        var page = RenderPage();

        var notice = page.Find("[data-testid=email-unconfirmed]");
        notice.TextContent.ShouldContain("좌석을 선점하려면 이메일 인증이 필요합니다");
        notice.TextContent.ShouldContain("자동 가입 프로그램");
        page.Find("[data-testid=email-resend]").TextContent.Trim().ShouldBe("인증 메일 다시 보내기");
    }

    [Fact]
    public void ShouldShowNothing_GivenAConfirmedCustomer()
    {
        SignIn();
        RenderPage().FindAll("[data-testid=email-unconfirmed]").ShouldBeEmpty();
    }

    [Fact]
    public void ShouldShowNothing_GivenAVisitor()
    {
        RenderPage().FindAll("[data-testid=email-unconfirmed]").ShouldBeEmpty();
        Confirmations.DidNotReceiveWithAnyArgs().IsConfirmedAsync(default!, Xunit.TestContext.Current.CancellationToken);
    }

    [Theory]
    [InlineData(ConfirmationLinkOutcome.Sent, "인증 메일을 다시 보냈습니다. 메일함을 확인해 주세요.")]
    [InlineData(ConfirmationLinkOutcome.TooSoon, "인증 메일은 1분에 한 번 보낼 수 있습니다. 잠시 후 다시 시도해 주세요.")]
    [InlineData(ConfirmationLinkOutcome.AlreadyConfirmed, "이메일 인증이 끝났습니다. 이제 좌석을 선점할 수 있습니다.")]
    public void ShouldSendTheLinkAgainAndSaySo_WhenTheCustomerAsks(ConfirmationLinkOutcome outcome, string said)
    {
        SignIn();
        Confirmations.IsConfirmedAsync(Me, Arg.Any<CancellationToken>()).Returns(false);
        Confirmations.SendLinkAsync(Me, Arg.Any<Uri>(), Arg.Any<CancellationToken>()).Returns(outcome);
        var page = RenderPage();

        page.Find("[data-testid=email-resend]").Click();

        page.WaitForAssertion(() => page.Find("[data-testid=email-resend-result]").TextContent.ShouldBe(said));
        Confirmations.Received(1).SendLinkAsync(Me, Arg.Is<Uri>(root => root.AbsoluteUri.EndsWith('/')), Arg.Any<CancellationToken>());
    }

    [Fact]
    public async Task ShouldTellTheReason_WhenAHoldIsRefusedForAnUnconfirmedEmail()
    {
        SignIn();
        Confirmations.IsConfirmedAsync(Me, Arg.Any<CancellationToken>()).Returns(false);
        Holds.HoldAsync(Me, RoundId, Arg.Any<IReadOnlyCollection<long>>(), Arg.Any<CancellationToken>())
            .Returns(HoldResult.Failed(new HoldFailure(HoldCustomer.EmailUnconfirmedCode, [])));
        var page = RenderPage();
        await ActivateAsync(page, 1);

        await page.InvokeAsync(() => page.Find("[data-testid=hold-button]").Click());

        page.WaitForAssertion(() => page.Find("[data-testid=hold-failure]").TextContent.ShouldContain("이메일 인증을 마친 뒤"));
        page.Find("[data-testid=email-unconfirmed]").ShouldNotBeNull();
    }
}
