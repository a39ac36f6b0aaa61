using Shouldly;
using TicketBlue.Infrastructure.Notifications.Templates;

namespace TicketBlue.Tests.Infrastructure.Notifications.Templates;

[Trait("Category", "Unit")]
public sealed class AccountTemplatesTests
{
    private static readonly DateTimeOffset Until = new(2026, 12, 8, 3, 30, 0, TimeSpan.Zero);

    [Fact]
    public void ShouldRenderTheResetMailWithItsOneTimeLinkAndDeadline()
    {
        var message = NotificationTemplates.Render(PasswordResetTemplate.Name, NotificationTemplates.ToJson(
            new PasswordResetPayload("김<민지>", "minji@example.com", "https://ticketblue.kr/Account/ResetPassword?userId=u-1&code=abc", Until)));

        message.Subject.ShouldBe("[TicketBlue] 비밀번호 재설정 안내");
        message.HtmlBody.ShouldContain("김&lt;민지&gt;님");
        message.HtmlBody.ShouldContain("https://ticketblue.kr/Account/ResetPassword?userId=u-1&amp;code=abc");
        message.TextBody.ShouldContain("한 번만");
        message.TextBody.ShouldContain("2026년 12월 8일");
    }

    [Fact]
    public void ShouldRenderTheAlreadyRegisteredMailWithSignInAndResetLinks()
    {
        var message = NotificationTemplates.Render(AccountExistsTemplate.Name, NotificationTemplates.ToJson(
            new AccountExistsPayload("민지", "minji@example.com", "https://ticketblue.kr/Account/Login", "https://ticketblue.kr/Account/ForgotPassword")));

        message.Subject.ShouldBe("[TicketBlue] 이미 가입된 이메일입니다");
        message.TextBody.ShouldContain("https://ticketblue.kr/Account/Login");
        message.TextBody.ShouldContain("https://ticketblue.kr/Account/ForgotPassword");
    }

    [Fact]
    public void ShouldRenderTheNewAddressMailWithItsLink()
    {
        var message = NotificationTemplates.Render(EmailChangeTemplate.Name, NotificationTemplates.ToJson(
            new EmailChangePayload("민지", "new@example.com", "https://ticketblue.kr/Account/ConfirmEmailChange?userId=u-1", Until)));

        message.Subject.ShouldBe("[TicketBlue] 새 이메일 주소를 인증해 주세요");
        message.TextBody.ShouldContain("new@example.com");
        message.TextBody.ShouldContain("https://ticketblue.kr/Account/ConfirmEmailChange?userId=u-1");
    }

    [Theory]
    [InlineData(true, "카카오 계정 연결하기", "비밀번호를 입력하면")]
    [InlineData(false, "가입 마치기", "계정이 만들어집니다")]
    public void ShouldRenderTheKakaoAddressMailForWhatTheLinkWillDo(bool hasAccount, string button, string explanation)
    {
        var message = NotificationTemplates.Render(KakaoEmailLinkTemplate.Name, NotificationTemplates.ToJson(
            new KakaoEmailLinkPayload("minji@example.com", "https://ticketblue.kr/Account/Kakao/Confirm?token=abc", Until, hasAccount)));

        message.Subject.ShouldBe("[TicketBlue] 카카오 로그인용 이메일을 확인해 주세요");
        message.TextBody.ShouldContain(button);
        message.TextBody.ShouldContain(explanation);
        message.TextBody.ShouldContain("https://ticketblue.kr/Account/Kakao/Confirm?token=abc");
        message.TextBody.ShouldContain("2026년 12월 8일");
    }
}
