using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using TicketBlue.Domain.Search;
using TicketBlue.Infrastructure.Persistence;
using TicketBlue.Infrastructure.Persistence.Replication;

namespace TicketBlue.Infrastructure.Search;

/// <summary>
/// Builds a new generation of the index from the whole catalogue while the old one answers, replays
/// the changes that came in meanwhile, and swaps it in. A failed or cancelled build leaves the old
/// generation answering and taking changes again.
/// </summary>
public sealed partial class SearchIndexRebuilder(
    IDbContextFactory<TicketBlueDbContext> contextFactory,
    SearchIndex index,
    SearchIndexWriting writing,
    SearchChangeApplier applier,
    IOptions<SearchOptions> options,
    TimeProvider clock,
    ILogger<SearchIndexer> logger,
    [FromKeyedServices(ReadDbContextFactory.Key)] IDbContextFactory<TicketBlueDbContext>? rebuildReads = null,
    ReplicaCatchUp? replica = null) : IDisposable
{
    private readonly SemaphoreSlim _rebuildGate = new(1, 1);

    public async Task RebuildAsync(IProgress<RebuildProgress>? progress, CancellationToken cancellationToken)
    {
        await _rebuildGate.WaitAsync(cancellationToken);
        IndexGeneration? generation = null;
        try
        {
            await writing.Gate.WaitAsync(cancellationToken);
            writing.DuringRebuild ??= [];
            writing.Gate.Release();
            writing.IsRebuilding = true;
            index.UpdateStatus(null, isRebuilding: true);

            // The fingerprint is taken before reading: anything changed later is newer than it, and is
            // replayed below or found by the next start's comparison.
            var fingerprint = await CatalogFingerprint.ComputeAsync(contextFactory, cancellationToken);

            // The whole catalogue is read on the replica (ADR-011) once it holds everything the
            // fingerprint covers; one that cannot catch up is left, and the read goes to the primary.
            if (replica is not null)
            {
                await replica.WaitForPrimaryAsync(cancellationToken);
            }

            generation = index.CreateGeneration();
            await WriteEverythingAsync(generation, progress, cancellationToken);
            var builtAt = clock.GetUtcNow();
            generation.Commit(new Dictionary<string, string>
            {
                [IndexGeneration.FingerprintKey] = fingerprint,
                [IndexGeneration.BuiltAtKey] = builtAt.ToString("O", CultureInfo.InvariantCulture),
            });

            await writing.Gate.WaitAsync(cancellationToken);
            try
            {
                var missed = writing.DuringRebuild ?? [];
                await applier.ApplyAsync(generation, missed, cancellationToken);
                generation.Searchers.MaybeRefreshBlocking();
                index.Swap(generation);
                generation = null;
                writing.DuringRebuild = null;
            }
            finally
            {
                writing.Gate.Release();
            }

            writing.IsRebuilding = false;
            index.UpdateStatus(builtAt, isRebuilding: false);
            LogRebuilt(logger, index.Status.Performances, index.Status.Performers, index.Status.Venues);
        }
        finally
        {
            if (generation is not null)
            {
                // Failed or cancelled: the old generation (if any) keeps answering and takes changes again.
                var path = generation.Path;
                generation.Dispose();
                TryDelete(path);
                writing.IsRebuilding = false;
                await writing.Gate.WaitAsync(CancellationToken.None);
                if (index.IsReady)
                {
                    writing.DuringRebuild = null;
                }

                writing.Gate.Release();
                index.UpdateStatus(null, isRebuilding: false);
            }

            _rebuildGate.Release();
        }
    }

    public void Dispose() => _rebuildGate.Dispose();

    private async Task WriteEverythingAsync(IndexGeneration generation, IProgress<RebuildProgress>? progress, CancellationToken cancellationToken)
    {
        var batch = Math.Max(1, options.Value.RebuildBatchSize);
        int total;
        var reads = rebuildReads ?? contextFactory;
        await using (var context = await reads.CreateDbContextAsync(cancellationToken))
        {
            total = await CatalogDocumentReader.CountAsync(context, cancellationToken);
        }

        var done = 0;
        progress?.Report(new RebuildProgress(0, total));
        foreach (var kind in new[] { SearchKind.Performance, SearchKind.Performer, SearchKind.Venue })
        {
            for (long after = 0; ;)
            {
                // A fresh context per batch: nothing accumulates, whatever the catalogue's size.
                await using var context = await reads.CreateDbContextAsync(cancellationToken);
                var ids = await CatalogDocumentReader.NextIdsAsync(context, kind, after, batch, cancellationToken);
                if (ids.Count == 0)
                {
                    break;
                }

                foreach (var document in await SearchDocumentMapper.ReadAsync(context, kind, ids, cancellationToken))
                {
                    generation.Writer.AddDocument(document.Fields);
                }

                done += ids.Count;
                after = ids[^1];
                progress?.Report(new RebuildProgress(Math.Min(done, Math.Max(total, done)), Math.Max(total, done)));
            }
        }
    }

    private void TryDelete(string path)
    {
        try
        {
            System.IO.Directory.Delete(path, recursive: true);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            LogDeleteFailed(logger, path, exception);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Search index rebuilt: {Performances} performances, {Performers} performers, {Venues} venues")]
    private static partial void LogRebuilt(ILogger logger, int performances, int performers, int venues);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not delete the unfinished search index at {Path}")]
    private static partial void LogDeleteFailed(ILogger logger, string path, Exception exception);
}
