using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using TicketBlue.Domain.Jobs;
using TicketBlue.Domain.Notifications;
using TicketBlue.Infrastructure.Checkout;
using TicketBlue.Infrastructure.Notifications.Templates;
using TicketBlue.Infrastructure.Persistence;

namespace TicketBlue.Infrastructure.Jobs;

/// <summary>
/// The run history (table <c>JobRuns</c>) as the runner writes it: one short transaction per step, each run's
/// end saved together with its Slack summary in the outbox, so a run is reported exactly when it is recorded
/// as ended, and once (the summary's deduplication key names the run).
/// </summary>
public sealed class JobRunHistory(IDbContextFactory<TicketBlueDbContext> contextFactory, IOptions<BatchJobRunnerOptions> options)
{
    /// <summary>
    /// Resumes the job's newest unfinished run when it is recent enough, else starts a new one; unfinished runs
    /// too old to resume are abandoned (and reported). Called only by the holder of the job's lock.
    /// </summary>
    public async Task<(JobRun Run, bool Resumed)> StartOrResumeAsync(string jobKey, string? triggeredBy, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var context = await contextFactory.CreateDbContextAsync(cancellationToken);
        var unfinished = await context.JobRuns
            .Where(run => run.JobKey == jobKey && run.Outcome == JobRunOutcome.Running)
            .OrderByDescending(run => run.Id)
            .ToListAsync(cancellationToken);

        JobRun? resumed = null;
        foreach (var run in unfinished)
        {
            if (resumed is null && run.CanResume(now, options.Value.ResumeWithin))
            {
                run.Resume(now);
                resumed = run;
                continue;
            }

            run.Abandon(now);
            await QueueSummaryAsync(context, run, now, cancellationToken);
        }

        var current = resumed ?? context.JobRuns.Add(JobRun.Start(jobKey, triggeredBy, now)).Entity;
        await context.SaveChangesAsync(cancellationToken);
        return (current, resumed is not null);
    }

    /// <summary>Records a chunk on the run (and its end with the summary when it was the last).</summary>
    public async Task RecordChunkAsync(JobRun run, JobChunk chunk, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var context = await contextFactory.CreateDbContextAsync(cancellationToken);
        context.JobRuns.Attach(run);
        run.RecordChunk(chunk.Checkpoint, chunk.Rows, now);
        if (chunk.Done)
        {
            run.Succeed(now);
            if (run.Rows > 0 || options.Value.ReportEmptyRuns)
            {
                await QueueSummaryAsync(context, run, now, cancellationToken);
            }
        }

        await context.SaveChangesAsync(cancellationToken);
    }

    /// <summary>Ends the run as failed (read afresh: the failure may have been in saving it) and reports it.</summary>
    public async Task FailAsync(long runId, string error, DateTimeOffset now)
    {
        // Not the run's token: a run that failed because it was cancelled must still be recorded.
        await using var context = await contextFactory.CreateDbContextAsync(CancellationToken.None);
        var run = await context.JobRuns.SingleAsync(candidate => candidate.Id == runId, CancellationToken.None);
        if (!run.IsRunning)
        {
            return;
        }

        run.Fail(error, now);
        await QueueSummaryAsync(context, run, now, CancellationToken.None);
        await context.SaveChangesAsync(CancellationToken.None);
    }

    private static async Task QueueSummaryAsync(TicketBlueDbContext context, JobRun run, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var key = $"job-run:{run.Id}:slack";
        if (await context.Notifications.AnyAsync(notification => notification.DeduplicationKey == key, cancellationToken))
        {
            return;
        }

        var payload = NotificationTemplates.ToJson(new JobRunSummaryPayload(
            run.Id, run.JobKey, JobNames.InKorean(run.JobKey), run.Outcome.ToString(), run.StartedAt, run.EndedAt, run.Rows, run.Error));
        context.Notifications.Add(Notification.Queue(NotificationChannel.Slack, JobRunSummaryTemplate.Name, OrderOutbox.OperatorsRecipient, null, payload, key, now));
    }
}
