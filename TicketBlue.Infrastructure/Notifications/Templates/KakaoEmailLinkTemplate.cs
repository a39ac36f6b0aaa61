using static TicketBlue.Infrastructure.Notifications.Templates.TemplateFormat;

namespace TicketBlue.Infrastructure.Notifications.Templates;

/// <summary>What a Kakao "confirm this address" notification carries (JSON in <c>PayloadJson</c>).</summary>
public sealed record KakaoEmailLinkPayload(string Email, string Link, DateTimeOffset ValidUntil, bool HasAccount);

/// <summary>
/// Sent to the address a Kakao customer typed when Kakao gave none. The page answers the same for every
/// address; only the mailbox learns whether it already has an account (then the link asks for its password
/// and links Kakao to it) or not (then the link makes the account).
/// </summary>
public static class KakaoEmailLinkTemplate
{
    public const string Name = "kakao-email-link";

    public static RenderedMessage Render(KakaoEmailLinkPayload payload)
    {
        ArgumentNullException.ThrowIfNull(payload);
        var title = "카카오 로그인용 이메일을 확인해 주세요";
        var greeting = payload.HasAccount
            ? "이 이메일 주소로 가입된 TicketBlue 계정에 카카오 계정을 연결하려는 요청이 있었습니다. 아래 버튼을 누르고 이 계정의 비밀번호를 입력하면 연결됩니다."
            : "카카오 로그인으로 TicketBlue에 가입하려는 요청이 있었습니다. 아래 버튼을 누르면 이 이메일로 계정이 만들어집니다.";
        (string, string)[] rows =
        [
            ("이메일", payload.Email),
            ("링크 유효 기간", $"{SeoulDateTime(payload.ValidUntil)}까지"),
        ];
        var closing = "본인이 요청하지 않았다면 이 메일을 무시해 주세요. 링크를 누르지 않으면 아무 일도 일어나지 않습니다.";
        var action = (payload.HasAccount ? "카카오 계정 연결하기" : "가입 마치기", payload.Link);
        return new RenderedMessage(
            "[TicketBlue] 카카오 로그인용 이메일을 확인해 주세요",
            Html(title, greeting, rows, closing, action),
            Text(title, greeting, rows, closing, action));
    }
}
