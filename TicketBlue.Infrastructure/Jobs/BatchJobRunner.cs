using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using TicketBlue.Domain.Jobs;
using TicketBlue.Infrastructure.Caching;
using TicketBlue.Infrastructure.Observability;

namespace TicketBlue.Infrastructure.Jobs;

/// <summary>What one start of a job did.</summary>
/// <param name="RunId">The run worked on; null when the job's lock was held elsewhere and nothing ran.</param>
/// <param name="Resumed">True when an unfinished run was taken up from its checkpoint.</param>
public sealed record JobRunResult(long? RunId, bool Resumed, long Rows)
{
    public static readonly JobRunResult Skipped = new(null, false, 0);

    public bool Ran => RunId is not null;
}

/// <summary>Thrown when a run finds its job lock gone (it ran out, someone else may hold it): the run stops at once.</summary>
public sealed class JobLockLostException(string jobKey)
    : Exception($"The lock of job '{jobKey}' ran out during the run; another node may be running it, so this one stopped.");

/// <summary>
/// Runs any <see cref="IBatchJob"/> by key, whoever starts it (the scheduler, an admin, a test):
/// <list type="number">
/// <item>takes the job's cluster-wide lock (<see cref="JobLocks"/>); held elsewhere, it returns at once without
/// running — so two nodes starting a job together, or Hangfire starting a long run a second time after its
/// invisibility timeout, run it once;</item>
/// <item>resumes the job's unfinished run from its stored checkpoint, or starts a new run
/// (<see cref="JobRunHistory.StartOrResumeAsync"/>);</item>
/// <item>runs chunks until one says it is done; after each it renews the lock (if that fails it stops at once,
/// writing nothing) and records the chunk's checkpoint and rows;</item>
/// <item>records success or failure; a failure is logged and thrown on, so the scheduler sees it too.</item>
/// </list>
/// Cancellation (the node shutting down) leaves the run unfinished for the next start to resume.
/// </summary>
public sealed partial class BatchJobRunner(
    IServiceScopeFactory scopes,
    JobLocks locks,
    JobRunHistory history,
    IOptions<BatchJobRunnerOptions> options,
    TicketBlueMetrics metrics,
    TimeProvider clock,
    ILogger<BatchJobRunner> logger)
{
    public async Task<JobRunResult> RunAsync(string jobKey, string? triggeredBy, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var job = scope.ServiceProvider.GetServices<IBatchJob>().FirstOrDefault(candidate => candidate.Key == jobKey)
            ?? throw new InvalidOperationException($"No batch job is registered with the key '{jobKey}'.");

        var lease = await locks.TryAcquireAsync(jobKey, options.Value.LockTtl);
        if (lease is null)
        {
            LogAlreadyRunning(logger, jobKey);
            return JobRunResult.Skipped;
        }

        try
        {
            return await RunUnderLockAsync(job, lease, triggeredBy, cancellationToken);
        }
        finally
        {
            await ReleaseAsync(lease, jobKey);
        }
    }

    private async Task<JobRunResult> RunUnderLockAsync(IBatchJob job, JobLease lease, string? triggeredBy, CancellationToken cancellationToken)
    {
        var (run, resumed) = await history.StartOrResumeAsync(job.Key, triggeredBy, clock.GetUtcNow(), cancellationToken);
        if (resumed)
        {
            LogResumed(logger, job.Key, run.Id, run.Checkpoint);
        }

        try
        {
            while (run.IsRunning)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var chunk = await job.RunChunkAsync(new JobRunContext(run.Id, run.StartedAt, run.Checkpoint), cancellationToken);
                if (!await lease.RenewAsync())
                {
                    throw new JobLockLostException(job.Key);
                }

                await history.RecordChunkAsync(run, chunk, clock.GetUtcNow(), cancellationToken);
            }

            LogSucceeded(logger, job.Key, run.Id, run.Rows);
            metrics.JobRunEnded(job.Key, succeeded: true);
            return new JobRunResult(run.Id, resumed, run.Rows);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            LogStopped(logger, job.Key, run.Id, run.Checkpoint);
            throw;
        }
        catch (JobLockLostException exception)
        {
            // The run may be someone else's now: write nothing on it.
            LogLockLost(logger, exception, job.Key, run.Id);
            throw;
        }
        catch (Exception exception) when (exception is not OutOfMemoryException)
        {
            LogFailed(logger, exception, job.Key, run.Id);
            metrics.JobRunEnded(job.Key, succeeded: false);
            await RecordFailureAsync(run.Id, job.Key, exception);
            throw;
        }
    }

    private async Task RecordFailureAsync(long runId, string jobKey, Exception exception)
    {
        try
        {
            await history.FailAsync(runId, $"{exception.GetType().Name}: {exception.Message}", clock.GetUtcNow());
        }
        catch (Exception recording) when (recording is not OutOfMemoryException)
        {
            // The database itself may be what failed; the run stays unfinished and the next start resumes it.
            LogFailureNotRecorded(logger, recording, jobKey, runId);
        }
    }

    private async Task ReleaseAsync(JobLease lease, string jobKey)
    {
        try
        {
            await lease.DisposeAsync();
        }
        catch (Exception exception) when (RedisOutage.Is(exception))
        {
            // It runs out by itself within its time to live.
            LogReleaseFailed(logger, exception, jobKey);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Job {JobKey} is already running elsewhere; this start does nothing")]
    private static partial void LogAlreadyRunning(ILogger logger, string jobKey);

    [LoggerMessage(Level = LogLevel.Information, Message = "Job {JobKey} resumes run {RunId} from checkpoint {Checkpoint}")]
    private static partial void LogResumed(ILogger logger, string jobKey, long runId, string? checkpoint);

    [LoggerMessage(Level = LogLevel.Information, Message = "Job {JobKey} run {RunId} succeeded with {Rows} rows")]
    private static partial void LogSucceeded(ILogger logger, string jobKey, long runId, long rows);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Job {JobKey} run {RunId} stopped at checkpoint {Checkpoint}; the next start resumes it")]
    private static partial void LogStopped(ILogger logger, string jobKey, long runId, string? checkpoint);

    [LoggerMessage(Level = LogLevel.Error, Message = "Job {JobKey} run {RunId} lost its lock and stopped")]
    private static partial void LogLockLost(ILogger logger, Exception exception, string jobKey, long runId);

    [LoggerMessage(Level = LogLevel.Error, Message = "Job {JobKey} run {RunId} failed")]
    private static partial void LogFailed(ILogger logger, Exception exception, string jobKey, long runId);

    [LoggerMessage(Level = LogLevel.Error, Message = "Job {JobKey} run {RunId} failed and the failure could not be recorded")]
    private static partial void LogFailureNotRecorded(ILogger logger, Exception exception, string jobKey, long runId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Job {JobKey}'s lock could not be released; it runs out by itself")]
    private static partial void LogReleaseFailed(ILogger logger, Exception exception, string jobKey);
}
