using Microsoft.Extensions.Options;
using TicketBlue.Infrastructure.Jobs;
using TicketBlue.Web.Jobs;

namespace TicketBlue.Web.Features.Admin.Jobs;

/// <summary>A registered batch job and its schedule (Asia/Seoul cron; null when it runs only by hand).</summary>
public sealed record BatchJobRow(string Key, string? Schedule);

public interface IListBatchJobsHandler
{
    IReadOnlyList<BatchJobRow> Handle();
}

/// <summary>Every job this app has registered, in key order, with its configured schedule.</summary>
public sealed class ListBatchJobsHandler(IEnumerable<IBatchJob> jobs, IOptions<JobSchedulerOptions> options) : IListBatchJobsHandler
{
    public IReadOnlyList<BatchJobRow> Handle() =>
        jobs.Select(job => job.Key)
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal)
            .Select(key => new BatchJobRow(key, options.Value.ScheduleOf(key)))
            .ToList();
}
