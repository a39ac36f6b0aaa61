using MimeKit;
using TicketBlue.Domain.Notifications;
using TicketBlue.Infrastructure.Notifications.Templates;

namespace TicketBlue.Infrastructure.Notifications.Email;

/// <summary>
/// Turns an outbox row into a MIME message (HTML with a plain-text alternative), the same for every
/// e-mail sender, so what a developer opens from the dev mailbox is what customers get.
/// </summary>
public static class EmailMessageFactory
{
    public static MimeMessage Create(Notification notification, string from)
    {
        ArgumentNullException.ThrowIfNull(notification);
        var rendered = NotificationTemplates.Render(notification.Template, notification.PayloadJson);
        var message = new MimeMessage
        {
            Subject = rendered.Subject,

            // Stable per row: if a crash makes the dispatcher send a row again, mail clients can tell.
            MessageId = $"{notification.Id:N}@ticketblue",
            Body = new BodyBuilder { HtmlBody = rendered.HtmlBody, TextBody = rendered.TextBody }.ToMessageBody(),
        };
        message.From.Add(MailboxAddress.Parse(from));
        message.To.Add(MailboxAddress.Parse(notification.Recipient));
        return message;
    }
}
