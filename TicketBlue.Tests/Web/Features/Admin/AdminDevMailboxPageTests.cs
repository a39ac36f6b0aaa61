using Bunit;
using Microsoft.Extensions.DependencyInjection;
using NSubstitute;
using Shouldly;
using TicketBlue.Web.Features.Admin.DevMailbox;
using TicketBlue.Tests.Fixtures;

namespace TicketBlue.Tests.Web.Features.Admin;

[Trait("Category", "Component")]
public sealed class AdminDevMailboxPageTests : ComponentTestBase
{
    private static readonly DevMailSummary Confirmed = new("20261201-101500-reservation-confirmed-a.eml", new DateTimeOffset(2026, 12, 1, 10, 15, 0, TimeSpan.Zero), "minji@example.com", "[TicketBlue] 예매가 완료되었습니다");
    private static readonly DevMailSummary Cancelled = new("20261130-090000-reservation-cancelled-b.eml", new DateTimeOffset(2026, 11, 30, 9, 0, 0, TimeSpan.Zero), "jun@example.com", "[TicketBlue] 예매가 취소되었습니다");

    private readonly IDevMailboxReader _mailbox = Substitute.For<IDevMailboxReader>();

    public AdminDevMailboxPageTests()
    {
        Services.AddSingleton(_mailbox);
        _mailbox.IsEnabled.Returns(true);
        _mailbox.ListAsync(Arg.Any<int>(), Arg.Any<CancellationToken>()).Returns([Confirmed, Cancelled]);
    }

    [Fact]
    public void ShouldListTheMessagesNewestFirst_WithTimeRecipientAndSubject()
    {
        var page = Render<AdminDevMailboxPage>();

        var items = page.FindAll("[data-testid=mailbox-item]");
        items.Count.ShouldBe(2);
        items[0].TextContent.ShouldContain("[TicketBlue] 예매가 완료되었습니다");
        items[0].TextContent.ShouldContain("minji@example.com");
        items[0].TextContent.ShouldContain("2026.12.01 (화) 19:15");
        items[1].TextContent.ShouldContain("jun@example.com");
    }

    [Fact]
    public async Task ShouldShowTheHtmlPartOnlyInASandboxedFrame_WhenAMessageIsOpened()
    {
        _mailbox.ReadAsync(Confirmed.FileName, Arg.Any<CancellationToken>())
            .Returns(new DevMailMessage(Confirmed, "TicketBlue <no-reply@ticketblue.local>", "<p>예매번호 <b>TB1</b></p><script>alert(1)</script>", "예매번호 TB1"));
        var page = Render<AdminDevMailboxPage>();

        await page.FindAll("[data-testid=mailbox-item]")[0].ClickAsync(new());

        var frame = page.Find("iframe[data-testid=mail-html]");
        frame.GetAttribute("sandbox").ShouldBe(string.Empty);
        frame.GetAttribute("srcdoc").ShouldBe("<p>예매번호 <b>TB1</b></p><script>alert(1)</script>");
        frame.GetAttribute("title").ShouldBe("메일 본문: [TicketBlue] 예매가 완료되었습니다");
        page.FindAll("script").ShouldBeEmpty();
        page.Find("[data-testid=mail-subject]").TextContent.ShouldBe("[TicketBlue] 예매가 완료되었습니다");
    }

    [Fact]
    public async Task ShouldShowTheTextPart_GivenAMessageWithoutHtml()
    {
        _mailbox.ReadAsync(Cancelled.FileName, Arg.Any<CancellationToken>()).Returns(new DevMailMessage(Cancelled, "TicketBlue", null, "취소되었습니다.\n환불 금액 99,000원"));
        var page = Render<AdminDevMailboxPage>();

        await page.FindAll("[data-testid=mailbox-item]")[1].ClickAsync(new());

        page.Find("[data-testid=mail-text]").TextContent.ShouldBe("취소되었습니다.\n환불 금액 99,000원");
        page.FindAll("iframe").ShouldBeEmpty();
    }

    [Fact]
    public async Task ShouldSaySmtpIsConfigured_AndReadNothing_WhenTheDevMailboxIsOff()
    {
        _mailbox.IsEnabled.Returns(false);

        var page = Render<AdminDevMailboxPage>();

        page.Find("[data-testid=mailbox-smtp]").TextContent.ShouldContain("SMTP");
        page.FindAll("[data-testid=mailbox-item]").ShouldBeEmpty();
        await _mailbox.DidNotReceiveWithAnyArgs().ListAsync(default, Xunit.TestContext.Current.CancellationToken);
    }
}
