using static TicketBlue.Infrastructure.Notifications.Templates.TemplateFormat;

namespace TicketBlue.Infrastructure.Notifications.Templates;

/// <summary>What an "you already have an account" notification carries (JSON in <c>PayloadJson</c>).</summary>
public sealed record AccountExistsPayload(string CustomerName, string Email, string SignInLink, string ResetLink);

/// <summary>
/// Sent to the owner when someone signs up with an address that already has an account. The sign-up
/// page answers exactly as for a new address, so only the owner of the mailbox learns the account exists.
/// </summary>
public static class AccountExistsTemplate
{
    public const string Name = "account-exists";

    public static RenderedMessage Render(AccountExistsPayload payload)
    {
        ArgumentNullException.ThrowIfNull(payload);
        var title = "이미 가입된 이메일입니다";
        var greeting = $"{payload.CustomerName}님, 이 이메일 주소로 TicketBlue 회원가입이 다시 시도되었습니다. 이 주소로는 이미 가입되어 있으니 로그인해 주세요.";
        (string, string)[] rows =
        [
            ("이메일", payload.Email),
            ("비밀번호를 잊으셨나요?", payload.ResetLink),
        ];
        var closing = "본인이 시도하지 않았다면 이 메일을 무시해 주세요. 계정에는 아무 변화도 없습니다.";
        var action = ("로그인하기", payload.SignInLink);
        return new RenderedMessage(
            "[TicketBlue] 이미 가입된 이메일입니다",
            Html(title, greeting, rows, closing, action),
            Text(title, greeting, rows, closing, action));
    }
}
