using Hangfire;
using TicketBlue.Infrastructure.Jobs;

namespace TicketBlue.Web.Jobs;

/// <summary>
/// The one method Hangfire calls for every batch job, by key: recurring schedules, the dashboard's
/// "Trigger now" and the history page's "지금 실행" all enqueue it. Everything else is the runner's.
/// </summary>
public sealed class BatchJobEntry(BatchJobRunner runner, IHostApplicationLifetime lifetime)
{
    /// <summary>
    /// Runs the job; a failure is thrown on so Hangfire records it, and retried twice (after 1 and 5 minutes) as a
    /// new run. A start that finds the job already running elsewhere does nothing and succeeds.
    /// </summary>
    /// <remarks>
    /// The run stops only when this node shuts down, not on Hangfire's job cancellation token: that one also fires
    /// when the job's state changes under it — which is what the Redis storage does to a run longer than its
    /// invisibility timeout (ADR-009) — and the run would stop unfinished while the second start, finding the lock
    /// taken, did nothing.
    /// </remarks>
    [AutomaticRetry(Attempts = 2, DelaysInSeconds = [60, 300])]
    public Task RunAsync(string jobKey, string? triggeredBy) =>
        runner.RunAsync(jobKey, triggeredBy, lifetime.ApplicationStopping);
}
