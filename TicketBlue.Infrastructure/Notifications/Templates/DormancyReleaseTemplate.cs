using static TicketBlue.Infrastructure.Notifications.Templates.TemplateFormat;

namespace TicketBlue.Infrastructure.Notifications.Templates;

/// <summary>What the 휴면 해제 mail carries (JSON in <c>PayloadJson</c>).</summary>
public sealed record DormancyReleasePayload(string CustomerName, string Email, string Link, DateTimeOffset ValidUntil);

/// <summary>
/// Sent when a dormant account signs in with the right password: the link (Identity's e-mail
/// confirmation token) that proves the address and moves the account's data back.
/// </summary>
public static class DormancyReleaseTemplate
{
    public const string Name = "dormancy-release";

    public static RenderedMessage Render(DormancyReleasePayload payload)
    {
        ArgumentNullException.ThrowIfNull(payload);
        var title = "휴면 계정 해제 안내";
        var greeting = $"{payload.CustomerName}님, 오랫동안 이용하지 않아 휴면 상태인 계정으로 로그인을 시도하셨습니다. 아래 버튼을 누르면 휴면이 해제되고 다시 로그인할 수 있습니다.";
        (string, string)[] rows =
        [
            ("이메일", payload.Email),
            ("링크 유효 기간", $"{SeoulDateTime(payload.ValidUntil)}까지"),
        ];
        var closing = "본인이 로그인을 시도하지 않았다면 이 메일을 무시하고 비밀번호를 바꿔 주세요. 링크를 누르지 않으면 계정은 휴면 상태로 남습니다.";
        var action = ("휴면 해제하기", payload.Link);
        return new RenderedMessage(
            "[TicketBlue] 휴면 계정 해제 안내",
            Html(title, greeting, rows, closing, action),
            Text(title, greeting, rows, closing, action));
    }
}
