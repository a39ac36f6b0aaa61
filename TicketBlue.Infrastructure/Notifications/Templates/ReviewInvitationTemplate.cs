using static TicketBlue.Infrastructure.Notifications.Templates.TemplateFormat;

namespace TicketBlue.Infrastructure.Notifications.Templates;

/// <summary>What a review invitation carries (JSON in <c>PayloadJson</c>); the same payload serves the e-mail and the in-app notice.</summary>
public sealed record ReviewInvitationPayload(
    long ReservationId,
    string ReservationNumber,
    string CustomerName,
    string PerformanceTitle,
    string VenueName,
    DateTimeOffset StartsAt,
    string ReviewLink);

/// <summary>관람평 요청: after the show, an invitation to rate it, with the way to the review form.</summary>
public static class ReviewInvitationTemplate
{
    public const string Name = "review-invitation";

    public static RenderedMessage Render(ReviewInvitationPayload payload)
    {
        ArgumentNullException.ThrowIfNull(payload);
        var title = "관람은 즐거우셨나요?";
        var greeting = $"{payload.CustomerName}님, 「{payload.PerformanceTitle}」 관람평을 남겨 주세요. 다른 관객에게 큰 도움이 됩니다.";
        (string, string)[] rows =
        [
            ("예매번호", payload.ReservationNumber),
            ("공연", payload.PerformanceTitle),
            ("관람일시", SeoulDateTime(payload.StartsAt)),
            ("공연장", payload.VenueName),
        ];
        var closing = "별점(1~5점)과 짧은 후기를 남기실 수 있고, 남긴 관람평은 언제든 고치거나 지울 수 있습니다.";
        var action = ("관람평 쓰기", payload.ReviewLink);
        return new RenderedMessage(
            $"[TicketBlue] 관람평을 남겨 주세요 - {payload.PerformanceTitle}",
            Html(title, greeting, rows, closing, action),
            Text(title, greeting, rows, closing, action));
    }
}
