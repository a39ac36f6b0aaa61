using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using TicketBlue.Domain.Files;
using TicketBlue.Domain.Performances;
using TicketBlue.Infrastructure.Jobs;
using TicketBlue.Infrastructure.Persistence;

namespace TicketBlue.Infrastructure.Performances;

/// <summary>
/// 종료 공연 정리 (04:00 KST): performances whose run ended more than <see cref="CatalogRetentionOptions.PurgeAfter"/>
/// ago leave the catalogue (<see cref="Performance.Retire"/>): their posters are deleted from the blob
/// store, then each show is archived and marked retired in one save. That save goes through the
/// DbContext, so the search index drops the shows and the caches lose them through the same
/// interceptors every admin change uses (ADR-005), after the commit. Rounds, reservations, payments and
/// reviews are left alone: they follow their own legal retention, never a delete here.
/// Rows per chunk: performances retired.
/// </summary>
/// <remarks>
/// Files first, rows second: a crash between the two leaves a show still pointing at a deleted file,
/// which the rerun deletes again (a no-op on both stores) before retiring it. The opposite order would
/// leave files nobody points at any more. A retired show is never selected again, so a rerun deletes
/// nothing twice.
/// </remarks>
public sealed class OldPerformancesJob(
    IDbContextFactory<TicketBlueDbContext> contextFactory,
    IBlobStore blobs,
    IOptions<CatalogRetentionOptions> options) : IBatchJob
{
    public const string JobKey = "old-performances";

    public string Key => JobKey;

    public async Task<JobChunk> RunChunkAsync(JobRunContext run, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(run);
        var after = run.Checkpoint is null ? 0 : long.Parse(run.Checkpoint, NumberStyles.None, CultureInfo.InvariantCulture);
        var lastDay = CatalogRetention.LastRunDayDue(run.StartedAt, options.Value.PurgeAfter);

        await using var context = await contextFactory.CreateDbContextAsync(cancellationToken);
        var due = await context.Performances
            .Where(performance => performance.Id > after && performance.RetiredAt == null && performance.Run.Last <= lastDay)
            .OrderBy(performance => performance.Id)
            .Take(options.Value.ChunkSize)
            .ToListAsync(cancellationToken);
        if (due.Count == 0)
        {
            return JobChunk.Finished(0);
        }

        foreach (var key in await PostersOnlyTheseUseAsync(context, due, cancellationToken))
        {
            await blobs.DeleteAsync(key, cancellationToken);
        }

        foreach (var performance in due)
        {
            // Judged at the run's start, as the query was: a resumed run retires exactly what it selects,
            // and RetiredAt is the same whichever chunk or attempt did it.
            performance.Retire(run.StartedAt, options.Value.PurgeAfter);
        }

        await context.SaveChangesAsync(cancellationToken);
        var checkpoint = due[^1].Id.ToString(CultureInfo.InvariantCulture);
        return due.Count < options.Value.ChunkSize ? JobChunk.Finished(due.Count) : JobChunk.Next(checkpoint, due.Count);
    }

    /// <summary>
    /// The poster files of <paramref name="due"/> that no other show points at. Uploads get keys of their
    /// own, but a file another show still shows must never go with an old one.
    /// </summary>
    private static async Task<List<string>> PostersOnlyTheseUseAsync(TicketBlueDbContext context, List<Performance> due, CancellationToken cancellationToken)
    {
        var keys = due.Select(performance => performance.Poster).OfType<Poster>().Select(poster => poster.Key).Distinct(StringComparer.Ordinal).ToList();
        var ids = due.Select(performance => performance.Id).ToList();
        var shared = await context.Performances.AsNoTracking()
            .Where(performance => performance.Poster != null && keys.Contains(performance.Poster.Key) && !ids.Contains(performance.Id))
            .Select(performance => performance.Poster!.Key)
            .ToListAsync(cancellationToken);
        return keys.Except(shared, StringComparer.Ordinal).ToList();
    }
}
