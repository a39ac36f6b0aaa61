using TicketBlue.Domain.Notifications;
using TicketBlue.Infrastructure.Notifications.Templates;

namespace TicketBlue.Infrastructure.Notifications.Reminders;

/// <summary>
/// The two outbox rows one reminder makes, an e-mail and an in-app notice, sharing one payload and keyed
/// by the event and the reservation (<c>show-day-reminder:{reservationId}:email</c>), so each reservation
/// is told once per channel however often the job runs. A customer without an address on file (a dormant
/// account's is kept apart) gets the notice only.
/// </summary>
internal static class ReminderMessages
{
    public static IEnumerable<Notification> For(string template, ReminderRecipient recipient, string payloadJson, DateTimeOffset now)
    {
        var key = $"{template}:{recipient.ReservationId}";
        if (!string.IsNullOrWhiteSpace(recipient.Email))
        {
            yield return Notification.Queue(NotificationChannel.Email, template, recipient.Email, recipient.UserId, payloadJson, $"{key}:email", now);
        }

        yield return Notification.Queue(NotificationChannel.InApp, template, recipient.UserId, recipient.UserId, payloadJson, $"{key}:inapp", now);
    }

    public static string ShowDayPayload(ReminderRecipient recipient, ReminderOptions options) =>
        NotificationTemplates.ToJson(new ShowDayReminderPayload(
            recipient.ReservationId,
            recipient.ReservationNumber,
            recipient.CustomerName,
            recipient.PerformanceTitle,
            recipient.VenueName,
            recipient.StartsAt,
            recipient.Seats,
            options.TicketsLink(recipient.ReservationId)));

    public static string ReviewPayload(ReminderRecipient recipient, ReminderOptions options) =>
        NotificationTemplates.ToJson(new ReviewInvitationPayload(
            recipient.ReservationId,
            recipient.ReservationNumber,
            recipient.CustomerName,
            recipient.PerformanceTitle,
            recipient.VenueName,
            recipient.StartsAt,
            options.ReviewLink(recipient.ReservationId)));
}
