using Shouldly;
using TicketBlue.Infrastructure.Notifications.Templates;

namespace TicketBlue.Tests.Infrastructure.Notifications.Templates;

[Trait("Category", "Unit")]
public sealed class EmailConfirmationTemplateTests
{
    private static readonly EmailConfirmationPayload Payload = new(
        "김<민지>",
        "minji@example.com",
        "https://ticketblue.kr/Account/ConfirmEmail?userId=u-1&code=abc_-1",
        new DateTimeOffset(2026, 12, 8, 3, 0, 0, TimeSpan.Zero));

    [Fact]
    public void ShouldRenderAKoreanMailWithTheLinkAsAButtonAndAsText()
    {
        var message = NotificationTemplates.Render(EmailConfirmationTemplate.Name, NotificationTemplates.ToJson(Payload));

        message.Subject.ShouldBe("[TicketBlue] 이메일 주소를 인증해 주세요");
        message.HtmlBody.ShouldContain("""<a href="https://ticketblue.kr/Account/ConfirmEmail?userId=u-1&amp;code=abc_-1" """.TrimEnd());
        message.HtmlBody.ShouldContain("이메일 인증하기");
        message.HtmlBody.ShouldContain("김&lt;민지&gt;님");
        message.HtmlBody.ShouldContain("2026년 12월 8일");
        message.TextBody.ShouldContain("이메일 인증하기:\nhttps://ticketblue.kr/Account/ConfirmEmail?userId=u-1&code=abc_-1\n");
        message.TextBody.ShouldContain("좌석을 선점할 수 있습니다");
    }
}
