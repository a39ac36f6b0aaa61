using static TicketBlue.Infrastructure.Notifications.Templates.TemplateFormat;

namespace TicketBlue.Infrastructure.Notifications.Templates;

/// <summary>What a "confirm your e-mail" notification carries (JSON in <c>PayloadJson</c>).</summary>
public sealed record EmailConfirmationPayload(string CustomerName, string Email, string Link, DateTimeOffset ValidUntil);

/// <summary>Sent at sign-up (and again on request): the link that confirms the address, needed before holding seats.</summary>
public static class EmailConfirmationTemplate
{
    public const string Name = "email-confirmation";

    public static RenderedMessage Render(EmailConfirmationPayload payload)
    {
        ArgumentNullException.ThrowIfNull(payload);
        var title = "이메일 주소를 인증해 주세요";
        var greeting = $"{payload.CustomerName}님, TicketBlue에 가입해 주셔서 감사합니다. 아래 버튼을 누르면 이메일 인증이 끝나고 좌석을 선점할 수 있습니다.";
        (string, string)[] rows =
        [
            ("이메일", payload.Email),
            ("링크 유효 기간", $"{SeoulDateTime(payload.ValidUntil)}까지"),
        ];
        var closing = "본인이 가입하지 않았다면 이 메일을 무시해 주세요. 링크를 누르지 않으면 아무 일도 일어나지 않습니다.";
        var action = ("이메일 인증하기", payload.Link);
        return new RenderedMessage(
            "[TicketBlue] 이메일 주소를 인증해 주세요",
            Html(title, greeting, rows, closing, action),
            Text(title, greeting, rows, closing, action));
    }
}
