using static TicketBlue.Infrastructure.Notifications.Templates.TemplateFormat;

namespace TicketBlue.Infrastructure.Notifications.Templates;

/// <summary>What a "refund completed" notification carries (JSON in <c>PayloadJson</c>).</summary>
public sealed record RefundCompletedPayload(
    string ReservationNumber,
    string CustomerName,
    string PerformanceTitle,
    long RefundAmount,
    long CancellationFee,
    DateTimeOffset RefundedAt);

/// <summary>Sent when the payment gateway confirmed the refund, with the amount and any cancellation fee.</summary>
public static class RefundCompletedTemplate
{
    public const string Name = "refund-completed";

    public static RenderedMessage Render(RefundCompletedPayload payload)
    {
        ArgumentNullException.ThrowIfNull(payload);
        var title = "환불이 완료되었습니다";
        var greeting = $"{payload.CustomerName}님, 「{payload.PerformanceTitle}」 예매 취소에 따른 환불이 처리되었습니다.";
        (string, string)[] rows =
        [
            ("예매번호", payload.ReservationNumber),
            ("환불금액", Won(payload.RefundAmount)),
            ("취소수수료", Won(payload.CancellationFee)),
            ("환불일시", SeoulDateTime(payload.RefundedAt)),
        ];
        var closing = "카드사 사정에 따라 실제 환불 반영까지 영업일 기준 3~5일이 걸릴 수 있습니다.";
        return new RenderedMessage(
            $"[TicketBlue] 환불 완료 - {payload.PerformanceTitle} ({payload.ReservationNumber})",
            Html(title, greeting, rows, closing),
            Text(title, greeting, rows, closing));
    }
}
