using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TicketBlue.Domain.Notifications;
using TicketBlue.Infrastructure.Jobs;
using TicketBlue.Tests.Fixtures;

namespace TicketBlue.Tests.Infrastructure.Notifications.Reminders;

/// <summary>One queued outbox row as the comparison of end states sees it (ids and times differ per run by design).</summary>
public sealed record QueuedRow(string DeduplicationKey, NotificationChannel Channel, string Template, string Recipient, string? UserId, string PayloadJson);

/// <summary>
/// Runs a batch job's chunks the way the platform's runner does: each chunk in a fresh DI scope, the
/// checkpoint of one handed to the next, until the job says it is done.
/// </summary>
public static class ReminderJobRunner
{
    /// <summary>Runs chunks from <paramref name="checkpoint"/>; stops after <paramref name="maxChunks"/> (a "killed" run) or when done.</summary>
    public static async Task<(string? Checkpoint, int Chunks, int Rows, bool Done)> RunAsync<TJob>(
        IServiceProvider services,
        DateTimeOffset startedAt,
        string? checkpoint = null,
        int maxChunks = int.MaxValue)
        where TJob : IBatchJob
    {
        var chunks = 0;
        var rows = 0;
        while (chunks < maxChunks)
        {
            await using var scope = services.CreateAsyncScope();
            var job = scope.ServiceProvider.GetRequiredService<TJob>();
            var chunk = await job.RunChunkAsync(new JobRunContext(1, startedAt, checkpoint), TestContext.Current.CancellationToken);
            chunks++;
            rows += chunk.Rows;
            if (chunk.Done)
            {
                return (null, chunks, rows, true);
            }

            checkpoint = chunk.Checkpoint;
        }

        return (checkpoint, chunks, rows, false);
    }

    public static async Task<List<QueuedRow>> QueuedAsync(MariaDbDatabase database, string template)
    {
        await using var context = database.CreateContext();
        return await context.Notifications.AsNoTracking()
            .Where(row => row.Template == template)
            .OrderBy(row => row.DeduplicationKey)
            .Select(row => new QueuedRow(row.DeduplicationKey, row.Channel, row.Template, row.Recipient, row.UserId, row.PayloadJson))
            .ToListAsync(TestContext.Current.CancellationToken);
    }

    /// <summary>Rows of the template the dispatcher has not recorded as sent (a failed send stays pending with its error).</summary>
    public static async Task<List<string>> UnsentAsync(MariaDbDatabase database, string template)
    {
        await using var context = database.CreateContext();
        return await context.Notifications.AsNoTracking()
            .Where(row => row.Template == template && row.Status != NotificationStatus.Sent)
            .Select(row => row.DeduplicationKey + " " + row.LastError)
            .ToListAsync(TestContext.Current.CancellationToken);
    }

    public static async Task ForgetAsync(MariaDbDatabase database, string template)
    {
        await using var context = database.CreateContext();
        await context.Notifications.Where(row => row.Template == template).ExecuteDeleteAsync(TestContext.Current.CancellationToken);
    }
}
