using Microsoft.EntityFrameworkCore;
using TicketBlue.Domain.Notifications;
using TicketBlue.Infrastructure.Notifications.Templates;
using TicketBlue.Infrastructure.Persistence;

namespace TicketBlue.Infrastructure.Accounts;

/// <summary>
/// Queues an account mail (reset link, "already registered", new-address link) through the outbox, at
/// most one of a kind per account a minute: the unique deduplication key lets one of two requests in the
/// same minute through, so a script cannot flood a stranger's mailbox from the public forms.
/// </summary>
internal static class AccountMail
{
    public static readonly TimeSpan Interval = TimeSpan.FromMinutes(1);

    /// <summary>False when one went out in the last minute (nothing queued).</summary>
    public static async Task<bool> QueueAsync<TPayload>(
        TicketBlueDbContext context, string template, string recipient, string userId, TPayload payload, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var since = now - Interval;
        if (await context.Notifications.AnyAsync(n => n.UserId == userId && n.Template == template && n.CreatedAt > since, cancellationToken))
        {
            return false;
        }

        var key = $"{template}:{userId}:{now.ToUnixTimeSeconds() / (long)Interval.TotalSeconds}:email";
        var notification = Notification.Queue(NotificationChannel.Email, template, recipient, userId, NotificationTemplates.ToJson(payload), key, now);
        context.Notifications.Add(notification);
        try
        {
            await context.SaveChangesAsync(cancellationToken);
            return true;
        }
        catch (DbUpdateException)
        {
            context.Entry(notification).State = EntityState.Detached;
            return false;
        }
    }
}
