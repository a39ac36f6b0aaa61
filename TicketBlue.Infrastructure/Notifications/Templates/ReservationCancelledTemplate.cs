using static TicketBlue.Infrastructure.Notifications.Templates.TemplateFormat;

namespace TicketBlue.Infrastructure.Notifications.Templates;

/// <summary>What a "reservation cancelled" notification carries (JSON in <c>PayloadJson</c>).</summary>
public sealed record ReservationCancelledPayload(
    string ReservationNumber,
    string CustomerName,
    string PerformanceTitle,
    DateTimeOffset StartsAt,
    IReadOnlyList<string> Seats,
    DateTimeOffset CancelledAt,
    string? Reason);

/// <summary>Sent when a reservation is cancelled (by the customer or an operator); the refund mail follows separately.</summary>
public static class ReservationCancelledTemplate
{
    public const string Name = "reservation-cancelled";

    public static RenderedMessage Render(ReservationCancelledPayload payload)
    {
        ArgumentNullException.ThrowIfNull(payload);
        var title = "예매가 취소되었습니다";
        var greeting = $"{payload.CustomerName}님, 「{payload.PerformanceTitle}」 예매가 취소되었습니다.";
        (string, string)[] rows =
        [
            ("예매번호", payload.ReservationNumber),
            ("공연", payload.PerformanceTitle),
            ("관람일시", SeoulDateTime(payload.StartsAt)),
            ("좌석", Seats(payload.Seats)),
            ("취소일시", SeoulDateTime(payload.CancelledAt)),
            ("취소 사유", string.IsNullOrWhiteSpace(payload.Reason) ? "-" : payload.Reason),
        ];
        var closing = "환불이 완료되면 별도로 안내해 드립니다.";
        return new RenderedMessage(
            $"[TicketBlue] 예매 취소 - {payload.PerformanceTitle} ({payload.ReservationNumber})",
            Html(title, greeting, rows, closing),
            Text(title, greeting, rows, closing));
    }
}
