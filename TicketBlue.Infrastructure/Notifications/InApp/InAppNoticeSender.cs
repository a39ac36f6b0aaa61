using TicketBlue.Domain.Notifications;
using TicketBlue.Infrastructure.Notifications.Templates;

namespace TicketBlue.Infrastructure.Notifications.InApp;

/// <summary>
/// Delivers the outbox's in-app rows (the batch reminders) to the customer's open pages through
/// <see cref="IUserNoticeFeed"/>, on whichever node they are. Queued in the outbox rather than published
/// from the job, so a reminder run of 100,000 reservations never waits on Redis, and the row records
/// that the notice went out. The page shows its own resource text for the notice's kind.
/// </summary>
public sealed class InAppNoticeSender(IUserNoticeFeed feed, TimeProvider clock) : INotificationSender
{
    public NotificationChannel Channel => NotificationChannel.InApp;

    public Task SendAsync(Notification notification, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(notification);
        var userId = notification.UserId ?? notification.Recipient;
        var notice = notification.Template switch
        {
            ShowDayReminderTemplate.Name => ShowDay(userId, NotificationTemplates.Read<ShowDayReminderPayload>(notification.PayloadJson)),
            ReviewInvitationTemplate.Name => Review(userId, NotificationTemplates.Read<ReviewInvitationPayload>(notification.PayloadJson)),
            _ => throw new InvalidOperationException($"No in-app notice is made from '{notification.Template}'."),
        };
        return feed.PublishAsync(notice);
    }

    private UserNotice ShowDay(string userId, ShowDayReminderPayload payload) =>
        new(userId, UserNoticeKind.ShowDayReminder, $"내일은 「{payload.PerformanceTitle}」 관람일입니다.", payload.ReservationId, $"/reservations/{payload.ReservationId}", clock.GetUtcNow());

    private UserNotice Review(string userId, ReviewInvitationPayload payload) =>
        new(userId, UserNoticeKind.ReviewInvitation, $"「{payload.PerformanceTitle}」 관람평을 남겨 주세요.", payload.ReservationId, $"/reservations/{payload.ReservationId}/review", clock.GetUtcNow());
}
