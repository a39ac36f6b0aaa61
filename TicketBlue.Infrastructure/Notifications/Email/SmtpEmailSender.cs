using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Options;
using TicketBlue.Domain.Notifications;

namespace TicketBlue.Infrastructure.Notifications.Email;

/// <summary>
/// Sends customer mail through an SMTP relay with MailKit. One connection per message: volumes are a
/// few mails per booking, and a fresh connection never carries a broken state from the last failure.
/// </summary>
public sealed class SmtpEmailSender(IOptions<SmtpOptions> options, IOptions<NotificationDispatcherOptions> dispatcher) : INotificationSender
{
    public NotificationChannel Channel => NotificationChannel.Email;

    public async Task SendAsync(Notification notification, CancellationToken cancellationToken)
    {
        var smtp = options.Value;
        using var message = EmailMessageFactory.Create(notification, smtp.From);
        using var client = new SmtpClient { Timeout = (int)dispatcher.Value.SendTimeout.TotalMilliseconds };
        await client.ConnectAsync(smtp.Host, smtp.Port, smtp.UseStartTls ? SecureSocketOptions.StartTls : SecureSocketOptions.None, cancellationToken);
        if (!string.IsNullOrEmpty(smtp.UserName))
        {
            await client.AuthenticateAsync(smtp.UserName, smtp.Password ?? string.Empty, cancellationToken);
        }

        await client.SendAsync(message, cancellationToken);
        await client.DisconnectAsync(quit: true, cancellationToken);
    }
}
