using Microsoft.EntityFrameworkCore;
using TicketBlue.Domain.Jobs;
using TicketBlue.Infrastructure.Persistence;

namespace TicketBlue.Web.Features.Admin.Jobs;

/// <summary>One run in the history: a finished run's end, or a running one's progress so far.</summary>
public sealed record JobRunRow(
    long Id,
    string JobKey,
    DateTimeOffset StartedAt,
    DateTimeOffset? EndedAt,
    DateTimeOffset LastProgressAt,
    long Rows,
    JobRunOutcome Outcome,
    string? Error,
    string? TriggeredBy)
{
    /// <summary>Start to end, or to the last recorded chunk while running.</summary>
    public TimeSpan Duration => (EndedAt ?? LastProgressAt) - StartedAt;
}

public interface IListJobRunsHandler
{
    Task<PagedResult<JobRunRow>> HandleAsync(PageRequest request, CancellationToken cancellationToken);
}

/// <summary>The run history (배치 작업 이력), newest first; Search narrows it to one job key.</summary>
public sealed class ListJobRunsHandler(IDbContextFactory<TicketBlueDbContext> contextFactory) : IListJobRunsHandler
{
    public async Task<PagedResult<JobRunRow>> HandleAsync(PageRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        await using var context = await contextFactory.CreateDbContextAsync(cancellationToken);
        var query = context.JobRuns.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(request.Search))
        {
            var key = request.Search.Trim();
            query = query.Where(run => run.JobKey == key);
        }

        var total = await query.CountAsync(cancellationToken);
        var rows = await query.OrderByDescending(run => run.Id)
            .Skip(request.Skip).Take(request.Take)
            .Select(run => new JobRunRow(run.Id, run.JobKey, run.StartedAt, run.EndedAt, run.LastProgressAt, run.Rows, run.Outcome, run.Error, run.TriggeredBy))
            .ToListAsync(cancellationToken);
        return new PagedResult<JobRunRow>(rows, total);
    }
}
