using static TicketBlue.Infrastructure.Notifications.Templates.TemplateFormat;

namespace TicketBlue.Infrastructure.Notifications.Templates;

/// <summary>What a dormancy notice carries: whom, the activity the period counts from, and the day the account becomes dormant.</summary>
public sealed record DormancyNoticePayload(string CustomerName, string Email, DateTimeOffset LastActiveAt, DateTimeOffset DormantOn, int DormantAfterDays);

/// <summary>
/// 휴면 예정 안내: sent <c>Accounts:DormancyNoticeBefore</c> before an account becomes dormant. It states
/// the policy as the law asks: when, why, what happens to the data and the bookings, and how to keep the account.
/// </summary>
public static class DormancyNoticeTemplate
{
    public const string Name = "dormancy-notice";

    public static RenderedMessage Render(DormancyNoticePayload payload)
    {
        ArgumentNullException.ThrowIfNull(payload);
        var title = "휴면 계정 전환 예정 안내";
        var greeting = $"{payload.CustomerName}님, TicketBlue에 {payload.DormantAfterDays}일 동안 로그인하지 않으셔서 {SeoulDate(payload.DormantOn)}에 계정이 휴면 상태로 바뀔 예정입니다.";
        (string, string)[] rows =
        [
            ("이메일", payload.Email),
            ("마지막 이용", SeoulDate(payload.LastActiveAt)),
            ("휴면 전환 예정일", SeoulDate(payload.DormantOn)),
            ("전환 사유", $"TicketBlue 개인정보 처리방침에 따라 {payload.DormantAfterDays}일 동안 이용하지 않은 계정은 개인정보 보호를 위해 휴면 계정으로 전환합니다."),
            ("전환되면", "이메일, 이름, 휴대전화 번호는 다른 회원 정보와 분리해 따로 보관하며, 법령에 따른 경우 외에는 이용하지 않습니다. 예매 및 결제 내역은 전자상거래법에 따라 보관됩니다."),
            ("계정 유지 방법", $"{SeoulDate(payload.DormantOn)} 전에 TicketBlue 웹사이트나 앱에서 한 번 로그인하시면 계정이 그대로 유지됩니다."),
            ("휴면 해제 방법", "휴면 전환 후에도 로그인하면 가입하신 이메일로 휴면 해제 링크를 보내 드리며, 링크를 열면 바로 다시 이용하실 수 있습니다."),
        ];
        var closing = "분리 보관된 개인정보는 휴면 전환 후 보관 기간이 지나면 파기되며, 이후에는 계정을 되살릴 수 없습니다.";
        return new RenderedMessage(
            "[TicketBlue] 휴면 계정 전환 예정 안내",
            Html(title, greeting, rows, closing),
            Text(title, greeting, rows, closing));
    }
}
