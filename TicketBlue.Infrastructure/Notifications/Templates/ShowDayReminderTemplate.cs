using static TicketBlue.Infrastructure.Notifications.Templates.TemplateFormat;

namespace TicketBlue.Infrastructure.Notifications.Templates;

/// <summary>What a show-day reminder carries (JSON in <c>PayloadJson</c>); the same payload serves the e-mail and the in-app notice.</summary>
public sealed record ShowDayReminderPayload(
    long ReservationId,
    string ReservationNumber,
    string CustomerName,
    string PerformanceTitle,
    string VenueName,
    DateTimeOffset StartsAt,
    IReadOnlyList<string> Seats,
    string TicketsLink);

/// <summary>관람 D-1 안내: the day before the show, what, when, where, which seats, and the way to the tickets.</summary>
public static class ShowDayReminderTemplate
{
    public const string Name = "show-day-reminder";

    public static RenderedMessage Render(ShowDayReminderPayload payload)
    {
        ArgumentNullException.ThrowIfNull(payload);
        var title = "내일은 관람일입니다";
        var greeting = $"{payload.CustomerName}님, 내일 「{payload.PerformanceTitle}」 공연을 관람하실 예정입니다.";
        (string, string)[] rows =
        [
            ("예매번호", payload.ReservationNumber),
            ("공연", payload.PerformanceTitle),
            ("관람일시", SeoulDateTime(payload.StartsAt)),
            ("공연장", payload.VenueName),
            ("좌석", Seats(payload.Seats)),
        ];
        var closing = "공연 시작 후에는 입장이 제한될 수 있습니다. 여유 있게 도착해 주세요. 입장 시 모바일 티켓의 QR 코드를 보여 주시면 됩니다.";
        var action = ("모바일 티켓 보기", payload.TicketsLink);
        return new RenderedMessage(
            $"[TicketBlue] 내일 관람 안내 - {payload.PerformanceTitle} ({payload.ReservationNumber})",
            Html(title, greeting, rows, closing, action),
            Text(title, greeting, rows, closing, action));
    }
}
