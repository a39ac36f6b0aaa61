using TicketBlue.Domain.Notifications;

namespace TicketBlue.Infrastructure.Notifications;

/// <summary>
/// Delivers one outbox row over one channel. The dispatcher owns retries and bookkeeping, so a sender
/// only sends: it returns when the far side accepted the message and throws when it did not.
/// </summary>
public interface INotificationSender
{
    NotificationChannel Channel { get; }

    Task SendAsync(Notification notification, CancellationToken cancellationToken);
}
