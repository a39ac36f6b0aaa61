using Shouldly;
using TicketBlue.Domain.Accounts;
using TicketBlue.Infrastructure.Notifications.Templates;

namespace TicketBlue.Tests.Infrastructure.Notifications.Templates;

[Trait("Category", "Unit")]
public sealed class StaffInvitationTemplateTests
{
    [Theory]
    [InlineData(StaffRole.Gate, "입장 관리")]
    [InlineData(StaffRole.Admin, "관리자")]
    public void ShouldRenderAKoreanMailWithTheRoleAndTheOneTimeLink(StaffRole role, string roleName)
    {
        var payload = new StaffInvitationPayload("gate@example.com", role, "https://ticketblue.kr/Account/AcceptInvitation?token=abc_-1", new DateTimeOffset(2026, 12, 10, 3, 0, 0, TimeSpan.Zero));

        var message = NotificationTemplates.Render(StaffInvitationTemplate.Name, NotificationTemplates.ToJson(payload));

        message.Subject.ShouldBe("[TicketBlue] 직원 초대");
        message.HtmlBody.ShouldContain("""<a href="https://ticketblue.kr/Account/AcceptInvitation?token=abc_-1" """.TrimEnd());
        message.HtmlBody.ShouldContain($"{roleName} 담당으로 초대했습니다");
        message.TextBody.ShouldContain("초대 수락하기:\nhttps://ticketblue.kr/Account/AcceptInvitation?token=abc_-1\n");
        message.TextBody.ShouldContain("한 번만 사용할 수 있습니다");
    }
}
