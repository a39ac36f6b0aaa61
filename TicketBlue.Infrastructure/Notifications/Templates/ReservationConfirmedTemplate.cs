using static TicketBlue.Infrastructure.Notifications.Templates.TemplateFormat;

namespace TicketBlue.Infrastructure.Notifications.Templates;

/// <summary>What a "reservation confirmed" notification carries (JSON in <c>PayloadJson</c>).</summary>
public sealed record ReservationConfirmedPayload(
    string ReservationNumber,
    string CustomerName,
    string PerformanceTitle,
    string VenueName,
    DateTimeOffset StartsAt,
    IReadOnlyList<string> Seats,
    long TotalAmount);

/// <summary>Sent once payment is approved and the seats are the customer's.</summary>
public static class ReservationConfirmedTemplate
{
    public const string Name = "reservation-confirmed";

    public static RenderedMessage Render(ReservationConfirmedPayload payload)
    {
        ArgumentNullException.ThrowIfNull(payload);
        var title = "예매가 완료되었습니다";
        var greeting = $"{payload.CustomerName}님, 「{payload.PerformanceTitle}」 예매가 확정되었습니다.";
        (string, string)[] rows =
        [
            ("예매번호", payload.ReservationNumber),
            ("공연", payload.PerformanceTitle),
            ("공연장", payload.VenueName),
            ("관람일시", SeoulDateTime(payload.StartsAt)),
            ("좌석", Seats(payload.Seats)),
            ("결제금액", Won(payload.TotalAmount)),
        ];
        var closing = "모바일 티켓은 TicketBlue 내 예매 내역에서 확인하실 수 있습니다.";
        return new RenderedMessage(
            $"[TicketBlue] 예매 완료 - {payload.PerformanceTitle} ({payload.ReservationNumber})",
            Html(title, greeting, rows, closing),
            Text(title, greeting, rows, closing));
    }
}
