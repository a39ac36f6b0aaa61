using System.Text.RegularExpressions;
using TicketBlue.Domain.Payments;

namespace TicketBlue.Infrastructure.Payments;

/// <summary>
/// The sentences customers see and are mailed when a payment fails: ours, chosen by the failure's code.
/// The gateway's own free text (and whatever a failure redirect's query string says) is never shown
/// or mailed — it may be anything, from an internal detail to a message planted in a link. A code we
/// do not know gets the sentence for its kind of failure.
/// </summary>
public static partial class PaymentFailureTexts
{
    public const string UnknownCode = "payment.failed";

    private static readonly Dictionary<string, string> ByCode = new(StringComparer.Ordinal)
    {
        ["PAY_PROCESS_CANCELED"] = "결제를 취소하셨습니다. 선점 시간 안에 다시 결제할 수 있습니다.",
        ["PAY_PROCESS_ABORTED"] = "결제가 중간에 중단되었습니다. 다시 시도해 주세요.",
        ["REJECT_CARD_PAYMENT"] = "카드사에서 결제를 거절했습니다. 한도나 잔액을 확인하거나 다른 카드로 결제해 주세요.",
        ["REJECT_CARD_COMPANY"] = "카드사에서 결제를 승인하지 않았습니다. 카드사에 문의하거나 다른 카드로 결제해 주세요.",
        ["REJECT_ACCOUNT_PAYMENT"] = "은행에서 결제를 거절했습니다. 잔액을 확인하거나 다른 결제 수단을 이용해 주세요.",
        ["INVALID_CARD_EXPIRATION"] = "카드 유효기간이 올바르지 않습니다. 확인 후 다시 결제해 주세요.",
        ["INVALID_STOPPED_CARD"] = "정지된 카드입니다. 다른 카드로 결제해 주세요.",
        ["INVALID_CARD_LOST_OR_STOLEN"] = "분실 또는 도난 신고된 카드입니다. 다른 카드로 결제해 주세요.",
        ["INVALID_CARD_NUMBER"] = "카드 번호가 올바르지 않습니다. 확인 후 다시 결제해 주세요.",
        ["INVALID_PASSWORD"] = "결제 비밀번호가 올바르지 않습니다. 다시 결제해 주세요.",
        ["EXCEED_MAX_DAILY_PAYMENT_COUNT"] = "하루 결제 가능 횟수를 넘었습니다. 다른 결제 수단을 이용해 주세요.",
        ["EXCEED_MAX_PAYMENT_AMOUNT"] = "결제 한도를 넘었습니다. 다른 결제 수단을 이용해 주세요.",
        ["EXCEED_MAX_ONE_DAY_AMOUNT"] = "하루 결제 한도를 넘었습니다. 다른 결제 수단을 이용해 주세요.",
        ["NOT_SUPPORTED_CARD_TYPE"] = "이 카드는 사용할 수 없습니다. 다른 카드로 결제해 주세요.",
        ["NOT_AVAILABLE_PAYMENT"] = "지금은 이 결제 수단을 이용할 수 없습니다. 다른 결제 수단을 이용해 주세요.",
        ["FDS_ERROR"] = "안전한 결제를 위해 결제가 제한되었습니다. 다른 결제 수단을 이용해 주세요.",
    };

    /// <summary>Our sentence for <paramref name="code"/>, or the one for its <paramref name="kind"/> when we do not know the code.</summary>
    public static string For(string code, GatewayFailureKind kind) =>
        ByCode.TryGetValue(code, out var text) ? text : ForKind(kind);

    /// <summary>
    /// A failure code fit to store and compare: the gateway's codes are upper-case words, ours dotted
    /// lower-case ones; anything else (a tampered redirect) becomes <see cref="UnknownCode"/>.
    /// </summary>
    public static string SafeCode(string? code) =>
        code is not null && CodePattern().IsMatch(code.Trim()) ? code.Trim() : UnknownCode;

    private static string ForKind(GatewayFailureKind kind) => kind switch
    {
        GatewayFailureKind.AlreadyProcessed => "이미 처리된 결제입니다. 예매 내역에서 확인해 주세요.",
        GatewayFailureKind.NotFound => "결제 정보를 찾을 수 없습니다.",
        GatewayFailureKind.Transient => "결제사와 통신이 원활하지 않습니다. 잠시 후 다시 시도해 주세요.",
        GatewayFailureKind.UnknownOutcome => "결제 결과를 확인하지 못했습니다. 결제 내역을 확인한 뒤 안내해 드리겠습니다.",
        GatewayFailureKind.Configuration => "결제 설정에 문제가 있습니다. 고객센터에 문의해 주세요.",
        _ => "결제가 완료되지 않았습니다. 다시 시도하거나 다른 결제 수단을 이용해 주세요.",
    };

    [GeneratedRegex("^[A-Za-z0-9_.]{1,100}$", RegexOptions.CultureInvariant)]
    private static partial Regex CodePattern();
}
