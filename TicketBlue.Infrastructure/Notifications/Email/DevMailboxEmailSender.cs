using System.Globalization;
using Microsoft.Extensions.Options;
using TicketBlue.Domain.Notifications;

namespace TicketBlue.Infrastructure.Notifications.Email;

/// <summary>
/// The development "mail server": every message becomes an .eml file in <see cref="DevMailboxOptions.Path"/>,
/// openable in any mail client, so the whole booking flow can be tried without an SMTP account.
/// </summary>
public sealed class DevMailboxEmailSender(IOptions<DevMailboxOptions> options, TimeProvider clock) : INotificationSender
{
    public NotificationChannel Channel => NotificationChannel.Email;

    public async Task SendAsync(Notification notification, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(notification);
        var mailbox = options.Value;
        using var message = EmailMessageFactory.Create(notification, mailbox.From);
        Directory.CreateDirectory(mailbox.Path);

        // Sorted by time in a file browser; the row id makes a repeated send overwrite, not duplicate.
        var name = string.Create(CultureInfo.InvariantCulture, $"{clock.GetUtcNow():yyyyMMdd-HHmmss}-{notification.Template}-{notification.Id:N}.eml");
        var path = System.IO.Path.Combine(mailbox.Path, name);
        var partial = path + ".partial";
        await using (var file = File.Create(partial))
        {
            await message.WriteToAsync(file, cancellationToken);
        }

        // A reader never sees half a message.
        File.Move(partial, path, overwrite: true);
    }
}
