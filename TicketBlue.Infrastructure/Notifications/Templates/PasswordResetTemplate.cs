using static TicketBlue.Infrastructure.Notifications.Templates.TemplateFormat;

namespace TicketBlue.Infrastructure.Notifications.Templates;

/// <summary>What a "reset your password" notification carries (JSON in <c>PayloadJson</c>).</summary>
public sealed record PasswordResetPayload(string CustomerName, string Email, string Link, DateTimeOffset ValidUntil);

/// <summary>Sent on 비밀번호 찾기: a one-time link to choose a new password, valid for 30 minutes.</summary>
public static class PasswordResetTemplate
{
    public const string Name = "password-reset";

    public static RenderedMessage Render(PasswordResetPayload payload)
    {
        ArgumentNullException.ThrowIfNull(payload);
        var title = "비밀번호를 다시 설정해 주세요";
        var greeting = $"{payload.CustomerName}님, 비밀번호 재설정을 요청하셨습니다. 아래 버튼을 눌러 새 비밀번호를 정해 주세요. 링크는 한 번만 쓸 수 있습니다.";
        (string, string)[] rows =
        [
            ("이메일", payload.Email),
            ("링크 유효 기간", $"{SeoulDateTime(payload.ValidUntil)}까지"),
        ];
        var closing = "본인이 요청하지 않았다면 이 메일을 무시해 주세요. 비밀번호는 바뀌지 않습니다.";
        var action = ("비밀번호 재설정하기", payload.Link);
        return new RenderedMessage(
            "[TicketBlue] 비밀번호 재설정 안내",
            Html(title, greeting, rows, closing, action),
            Text(title, greeting, rows, closing, action));
    }
}
