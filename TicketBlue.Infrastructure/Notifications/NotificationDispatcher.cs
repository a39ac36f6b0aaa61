using System.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MySqlConnector;
using TicketBlue.Domain.Notifications;
using TicketBlue.Infrastructure.Observability;
using TicketBlue.Infrastructure.Persistence;

namespace TicketBlue.Infrastructure.Notifications;

/// <summary>
/// Delivers the notification outbox. Every <see cref="NotificationDispatcherOptions.PollInterval"/> it
/// claims due rows and hands each to the sender for its channel, recording the outcome with
/// <see cref="Notification.MarkSent"/> / <see cref="Notification.MarkFailed"/> (back-off, dead after
/// <see cref="Notification.MaxAttempts"/>).
/// <para>
/// Claim, send, mark — three steps, never a row lock held over the network:
/// <list type="number">
/// <item>claim: in one short transaction, <c>SELECT … FOR UPDATE SKIP LOCKED</c> picks due rows no other
/// node is claiming and moves their <c>NextAttemptAt</c> to a lease time (now + <see cref="NotificationDispatcherOptions.Lease"/>);
/// after commit no node sees them as due until the lease runs out;</item>
/// <item>send, outside any transaction;</item>
/// <item>mark: in a second short transaction, only if the row still carries this node's lease (so a node
/// whose lease was taken over never records over the new owner).</item>
/// </list>
/// </para>
/// <para>
/// This is <b>at-least-once</b>, on purpose: a node that dies after the relay accepted a mail but before
/// the mark commits leaves the row to be sent again once the lease runs out, unless the
/// <see cref="DeliveryReceipts"/> receipt written right after the send says it went (then the row is only
/// marked). The opposite choice
/// (mark sent before sending: at-most-once) would silently lose a booking confirmation whenever a node
/// dies or the relay is down at that moment; a rare duplicate — carrying the same Message-ID, so mail
/// clients can fold it — is the lesser harm. In normal operation, including several nodes dispatching at
/// once, every row is sent exactly once: claims never overlap, and a send never outlives its lease
/// (<see cref="NotificationDispatcherOptions.SendTimeout"/> is checked before each send). Queueing twice is
/// prevented separately by the unique <see cref="Notification.DeduplicationKey"/>.
/// </para>
/// Channels without a registered sender (Slack with no webhook) are never claimed. In-app rows go to the customer's open pages (<see cref="InApp.InAppNoticeSender"/>).
/// </summary>
public sealed partial class NotificationDispatcher(
    IDbContextFactory<TicketBlueDbContext> contextFactory,
    IEnumerable<INotificationSender> senders,
    DeliveryReceipts receipts,
    IOptions<NotificationDispatcherOptions> options,
    TicketBlueMetrics metrics,
    TimeProvider clock,
    ILogger<NotificationDispatcher> logger) : BackgroundService
{
    /// <summary>How often the backlog (pending rows) is counted for the metrics; counting is an index range scan.</summary>
    private static readonly TimeSpan BacklogSampleInterval = TimeSpan.FromSeconds(30);

    private DateTimeOffset _backlogSampledAt = DateTimeOffset.MinValue;

    private readonly Dictionary<NotificationChannel, INotificationSender> sendersByChannel =
        senders.GroupBy(sender => sender.Channel).ToDictionary(group => group.Key, group => group.Last());

    /// <summary>Claims one batch of due rows, sends them and records the outcomes; returns how many were claimed.</summary>
    public async Task<int> DispatchOnceAsync(CancellationToken cancellationToken)
    {
        if (sendersByChannel.Count == 0)
        {
            return 0;
        }

        var (ids, lease) = await ClaimAsync(cancellationToken);
        foreach (var id in ids)
        {
            if (clock.GetUtcNow() + options.Value.SendTimeout >= lease)
            {
                // Too late to finish inside the lease: leave the rest, they fall due again when it ends.
                break;
            }

            await DeliverAsync(id, lease, cancellationToken);
        }

        return ids.Count;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.Enabled)
        {
            return;
        }

        using var timer = new PeriodicTimer(options.Value.PollInterval, clock);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                try
                {
                    while (await DispatchOnceAsync(stoppingToken) == options.Value.BatchSize)
                    {
                        // A backlog (after an outage) drains batch by batch, each claim its own short transaction.
                    }

                    await SampleBacklogAsync(stoppingToken);
                }
                catch (Exception exception) when (exception is not OperationCanceledException and not OutOfMemoryException)
                {
                    // The outbox keeps the rows; the next tick tries again.
                    LogDispatchFailed(logger, exception);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down; claimed but unsent rows fall due again when their lease ends.
        }
    }

    private async Task<(IReadOnlyList<Guid> Ids, DateTimeOffset Lease)> ClaimAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();

        // datetime(6) keeps microseconds: truncate so the lease read back compares equal to the one written.
        var lease = Microseconds(now + options.Value.Lease);

        // Enum names from our own dictionary, never user input.
        var channels = string.Join(',', sendersByChannel.Keys.Select(channel => $"'{channel}'"));
        await using var context = await contextFactory.CreateDbContextAsync(cancellationToken);
        await using var transaction = await context.Database.BeginTransactionAsync(IsolationLevel.ReadCommitted, cancellationToken);
#pragma warning disable EF1002 // Only the channel list is spliced in (enum names); values are parameters.
        var ids = await context.Database
            .SqlQueryRaw<Guid>(
                $"""
                SELECT Id AS Value FROM Notifications
                 WHERE Status = '{nameof(NotificationStatus.Pending)}' AND NextAttemptAt <= @now AND Channel IN ({channels})
                 ORDER BY NextAttemptAt LIMIT @batch
                 FOR UPDATE SKIP LOCKED
                """,
                new MySqlParameter("@now", now.UtcDateTime),
                new MySqlParameter("@batch", options.Value.BatchSize))
            .ToListAsync(cancellationToken);
#pragma warning restore EF1002
        if (ids.Count > 0)
        {
            await context.Notifications
                .Where(notification => ids.Contains(notification.Id))
                .ExecuteUpdateAsync(setters => setters.SetProperty(notification => notification.NextAttemptAt, lease), cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        return (ids, lease);
    }

    private async Task DeliverAsync(Guid id, DateTimeOffset lease, CancellationToken cancellationToken)
    {
        await using var context = await contextFactory.CreateDbContextAsync(cancellationToken);
        var notification = await context.Notifications.AsNoTracking().SingleAsync(row => row.Id == id, cancellationToken);
        string? error = null;
        if (await receipts.WasSentAsync(id))
        {
            // Accepted on an earlier attempt whose mark never committed: mark it, do not send it twice.
            await RecordAsync(context, id, lease, error, cancellationToken);
            return;
        }

        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(options.Value.SendTimeout);
            await sendersByChannel[notification.Channel].SendAsync(notification, timeout.Token);
            await receipts.SentAsync(id);
        }
        catch (Exception exception) when (exception is not OutOfMemoryException && !cancellationToken.IsCancellationRequested)
        {
            error = $"{exception.GetType().Name}: {exception.Message}";
            LogSendFailed(logger, notification.Id, notification.Template, notification.Attempts + 1, exception);
            metrics.DeliveryFailed(notification.Channel.ToString());
        }

        await RecordAsync(context, id, lease, error, cancellationToken);
    }

    /// <summary>Counts the rows waiting for delivery (<c>ticketblue.outbox.backlog</c>), at most every <see cref="BacklogSampleInterval"/>.</summary>
    public async Task SampleBacklogAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        if (now - _backlogSampledAt < BacklogSampleInterval)
        {
            return;
        }

        await using var context = await contextFactory.CreateDbContextAsync(cancellationToken);
        metrics.OutboxBacklog(await context.Notifications.LongCountAsync(row => row.Status == NotificationStatus.Pending, cancellationToken));
        _backlogSampledAt = now;
    }

    private async Task RecordAsync(TicketBlueDbContext context, Guid id, DateTimeOffset lease, string? error, CancellationToken cancellationToken)
    {
        await using var transaction = await context.Database.BeginTransactionAsync(IsolationLevel.ReadCommitted, cancellationToken);
        var notification = await context.Notifications
            .FromSql($"SELECT * FROM Notifications WHERE Id = {id} FOR UPDATE")
            .SingleAsync(cancellationToken);
        if (notification.Status != NotificationStatus.Pending || notification.NextAttemptAt != lease)
        {
            // Another node took the row over after our lease ran out; its outcome is the one that counts.
            LogLeaseLost(logger, id);
            return;
        }

        var now = clock.GetUtcNow();
        if (error is null)
        {
            notification.MarkSent(now);
        }
        else
        {
            notification.MarkFailed(error, now);
        }

        await context.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    private static DateTimeOffset Microseconds(DateTimeOffset instant) =>
        new(instant.UtcTicks - (instant.UtcTicks % 10), TimeSpan.Zero);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Notification dispatch failed; it runs again at the next tick")]
    private static partial void LogDispatchFailed(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Sending notification {Id} ({Template}) failed on attempt {Attempt}")]
    private static partial void LogSendFailed(ILogger logger, Guid id, string template, int attempt, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Notification {Id} was taken over by another node after its lease ran out; not recording this attempt")]
    private static partial void LogLeaseLost(ILogger logger, Guid id);
}
