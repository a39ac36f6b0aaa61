using Hangfire;
using Microsoft.EntityFrameworkCore;
using TicketBlue.Infrastructure.Auditing;
using TicketBlue.Infrastructure.Jobs;
using TicketBlue.Infrastructure.Persistence;
using TicketBlue.Web.Jobs;

namespace TicketBlue.Web.Features.Admin.Jobs;

public enum TriggerJobOutcome
{
    Enqueued,
    UnknownJob,
}

public interface ITriggerJobHandler
{
    Task<TriggerJobOutcome> HandleAsync(string jobKey, CancellationToken cancellationToken);
}

/// <summary>
/// "지금 실행": enqueues a run of the job for the Hangfire servers, naming the admin as who asked, and audits it.
/// If the job is running already, the new start finds its lock taken and does nothing.
/// </summary>
public sealed class TriggerJobHandler(
    IEnumerable<IBatchJob> jobs,
    IBackgroundJobClient backgroundJobs,
    IDbContextFactory<TicketBlueDbContext> contextFactory,
    ICurrentAdmin currentAdmin,
    TimeProvider clock) : ITriggerJobHandler
{
    public async Task<TriggerJobOutcome> HandleAsync(string jobKey, CancellationToken cancellationToken)
    {
        var actor = await currentAdmin.GetAsync();
        if (!jobs.Any(job => job.Key == jobKey))
        {
            return TriggerJobOutcome.UnknownJob;
        }

        var hangfireJobId = backgroundJobs.Enqueue<BatchJobEntry>(entry => entry.RunAsync(jobKey, actor.Email));
        await using var context = await contextFactory.CreateDbContextAsync(cancellationToken);
        var now = clock.GetUtcNow();
        AuditTrail.Record(context, actor, "job.triggered", "BatchJob", jobKey, null, new { HangfireJobId = hangfireJobId }, now);
        await context.SaveChangesAsync(cancellationToken);
        return TriggerJobOutcome.Enqueued;
    }
}
