using static TicketBlue.Infrastructure.Notifications.Templates.TemplateFormat;

namespace TicketBlue.Infrastructure.Notifications.Templates;

/// <summary>What a "confirm your new e-mail" notification carries (JSON in <c>PayloadJson</c>).</summary>
public sealed record EmailChangePayload(string CustomerName, string NewEmail, string Link, DateTimeOffset ValidUntil);

/// <summary>Sent to the new address from 내 정보: the address changes only when its link is opened.</summary>
public static class EmailChangeTemplate
{
    public const string Name = "email-change";

    public static RenderedMessage Render(EmailChangePayload payload)
    {
        ArgumentNullException.ThrowIfNull(payload);
        var title = "새 이메일 주소를 인증해 주세요";
        var greeting = $"{payload.CustomerName}님, 로그인 이메일을 이 주소로 바꾸려면 아래 버튼을 눌러 주세요. 누르기 전까지는 이전 주소가 그대로 쓰입니다.";
        (string, string)[] rows =
        [
            ("새 이메일", payload.NewEmail),
            ("링크 유효 기간", $"{SeoulDateTime(payload.ValidUntil)}까지"),
        ];
        var closing = "본인이 요청하지 않았다면 이 메일을 무시해 주세요.";
        var action = ("이메일 변경하기", payload.Link);
        return new RenderedMessage(
            "[TicketBlue] 새 이메일 주소를 인증해 주세요",
            Html(title, greeting, rows, closing, action),
            Text(title, greeting, rows, closing, action));
    }
}
