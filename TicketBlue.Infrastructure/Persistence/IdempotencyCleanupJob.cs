using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using TicketBlue.Infrastructure.Jobs;

namespace TicketBlue.Infrastructure.Persistence;

/// <summary>
/// 멱등 키 정리 (<c>idempotency-cleanup</c>, daily): deletes <c>Idempotency-Key</c> records older than
/// <see cref="CleanupOptions.IdempotencyRecordsAfter"/> (from the run's start), oldest first, a batch per chunk,
/// each one statement. Past the replay window a key may be used afresh anyway, so nothing reads them. Rows: records
/// deleted. Needs no checkpoint: a rerun finds only what is left.
/// </summary>
public sealed class IdempotencyCleanupJob(IDbContextFactory<TicketBlueDbContext> contextFactory, IOptions<CleanupOptions> options) : IBatchJob
{
    public const string JobKey = "idempotency-cleanup";

    public string Key => JobKey;

    public async Task<JobChunk> RunChunkAsync(JobRunContext run, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(run);
        var cutoff = (run.StartedAt - options.Value.IdempotencyRecordsAfter).UtcDateTime;
        var batch = options.Value.BatchSize;
        await using var context = await contextFactory.CreateDbContextAsync(cancellationToken);
        var deleted = await context.Database.ExecuteSqlAsync(
            $"DELETE FROM IdempotencyRecords WHERE CreatedAt < {cutoff} ORDER BY CreatedAt LIMIT {batch}",
            cancellationToken);
        return deleted < batch ? JobChunk.Finished(deleted) : JobChunk.Next("more", deleted);
    }
}
