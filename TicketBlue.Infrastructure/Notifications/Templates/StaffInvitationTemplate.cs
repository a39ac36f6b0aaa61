using TicketBlue.Domain.Accounts;
using static TicketBlue.Infrastructure.Notifications.Templates.TemplateFormat;

namespace TicketBlue.Infrastructure.Notifications.Templates;

/// <summary>What a staff invitation carries (JSON in <c>PayloadJson</c>).</summary>
public sealed record StaffInvitationPayload(string Email, StaffRole Role, string Link, DateTimeOffset ValidUntil);

/// <summary>Sent when an admin invites a new staff member: the one-time link that makes the account.</summary>
public static class StaffInvitationTemplate
{
    public const string Name = "staff-invitation";

    public static RenderedMessage Render(StaffInvitationPayload payload)
    {
        ArgumentNullException.ThrowIfNull(payload);
        var role = payload.Role == StaffRole.Admin ? "관리자" : "입장 관리";
        var title = "TicketBlue 직원으로 초대되었습니다";
        var greeting = $"TicketBlue 관리자가 이 주소를 {role} 담당으로 초대했습니다. 아래 버튼을 눌러 계정을 만들거나, 이미 계정이 있다면 비밀번호를 입력해 역할을 받으세요.";
        (string, string)[] rows =
        [
            ("이메일", payload.Email),
            ("역할", role),
            ("링크 유효 기간", $"{SeoulDateTime(payload.ValidUntil)}까지, 한 번만 사용할 수 있습니다"),
        ];
        var closing = "초대받을 일이 없다면 이 메일을 무시해 주세요. 링크를 누르지 않으면 아무 일도 일어나지 않습니다.";
        var action = ("초대 수락하기", payload.Link);
        return new RenderedMessage(
            "[TicketBlue] 직원 초대",
            Html(title, greeting, rows, closing, action),
            Text(title, greeting, rows, closing, action));
    }
}
