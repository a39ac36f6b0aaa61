using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using TicketBlue.Infrastructure.Jobs;
using TicketBlue.Infrastructure.Persistence;

namespace TicketBlue.Infrastructure.Notifications;

/// <summary>
/// 발송 완료 알림 정리 (<c>notification-cleanup</c>, daily): deletes outbox rows that were delivered (Sent) longer
/// than <see cref="CleanupOptions.DeliveredNotificationsAfter"/> before the run's start, a batch per chunk in key
/// order, each one statement. Pending rows and dead ones (an operator looks at those) stay. Rows: rows deleted.
/// </summary>
public sealed class NotificationCleanupJob(IDbContextFactory<TicketBlueDbContext> contextFactory, IOptions<CleanupOptions> options) : IBatchJob
{
    public const string JobKey = "notification-cleanup";

    public string Key => JobKey;

    public async Task<JobChunk> RunChunkAsync(JobRunContext run, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(run);
        var cutoff = (run.StartedAt - options.Value.DeliveredNotificationsAfter).UtcDateTime;
        var batch = options.Value.BatchSize;
        await using var context = await contextFactory.CreateDbContextAsync(cancellationToken);
        var deleted = await context.Database.ExecuteSqlAsync(
            $"DELETE FROM Notifications WHERE Status = 'Sent' AND SentAt < {cutoff} ORDER BY Id LIMIT {batch}",
            cancellationToken);
        return deleted < batch ? JobChunk.Finished(deleted) : JobChunk.Next("more", deleted);
    }
}
