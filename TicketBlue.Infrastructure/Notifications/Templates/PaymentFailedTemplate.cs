using static TicketBlue.Infrastructure.Notifications.Templates.TemplateFormat;

namespace TicketBlue.Infrastructure.Notifications.Templates;

/// <summary>What a "payment failed" notification carries (JSON in <c>PayloadJson</c>).</summary>
public sealed record PaymentFailedPayload(
    string OrderId,
    string CustomerName,
    string PerformanceTitle,
    DateTimeOffset StartsAt,
    long Amount,
    string Reason);

/// <summary>Sent when the payment gateway refused or lost a payment, so the customer knows the seats are not theirs.</summary>
public static class PaymentFailedTemplate
{
    public const string Name = "payment-failed";

    public static RenderedMessage Render(PaymentFailedPayload payload)
    {
        ArgumentNullException.ThrowIfNull(payload);
        var title = "결제가 완료되지 않았습니다";
        var greeting = $"{payload.CustomerName}님, 「{payload.PerformanceTitle}」 결제가 처리되지 않아 예매가 완료되지 않았습니다.";
        (string, string)[] rows =
        [
            ("주문번호", payload.OrderId),
            ("공연", payload.PerformanceTitle),
            ("관람일시", SeoulDateTime(payload.StartsAt)),
            ("결제 요청 금액", Won(payload.Amount)),
            ("실패 사유", payload.Reason),
        ];
        var closing = "결제된 금액은 없습니다. 좌석을 다시 선택해 예매해 주세요.";
        return new RenderedMessage(
            $"[TicketBlue] 결제 실패 - {payload.PerformanceTitle}",
            Html(title, greeting, rows, closing),
            Text(title, greeting, rows, closing));
    }
}
