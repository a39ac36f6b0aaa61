using System.Globalization;
using System.Threading.Channels;
using Lucene.Net.Index;
using Lucene.Net.Store;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using TicketBlue.Domain.Search;
using TicketBlue.Infrastructure.Observability;
using TicketBlue.Infrastructure.Persistence;
using TicketBlue.Infrastructure.Persistence.Replication;

namespace TicketBlue.Infrastructure.Search;

/// <summary>
/// Owns this node's index and keeps it a projection of MariaDB:
/// <list type="bullet">
/// <item>At start-up it opens the index, or rebuilds it when missing or when the catalogue
/// fingerprint in its commit data differs from the database's.</item>
/// <item>Changes (this node's and other nodes') are applied one batch at a time by re-reading the
/// documents, then made searchable at once (near-real-time refresh); commits to disk follow every
/// <see cref="SearchOptions.CommitInterval"/>.</item>
/// <item>A rebuild writes a new generation while the old one answers, replays the changes that came
/// in meanwhile, and swaps.</item>
/// <item>Every <see cref="SearchOptions.AuditInterval"/> it compares the fingerprints again
/// (<see cref="AuditAsync"/>): a change that never reached this node is repaired by a rebuild.</item>
/// </list>
/// </summary>
public sealed partial class SearchIndexer(
    IDbContextFactory<TicketBlueDbContext> contextFactory,
    SearchIndex index,
    IOptions<SearchOptions> options,
    TimeProvider clock,
    ILogger<SearchIndexer> logger,
    [FromKeyedServices(ReadDbContextFactory.Key)] IDbContextFactory<TicketBlueDbContext>? rebuildReads = null,
    ReplicaCatchUp? replica = null) : BackgroundService, ISearchIndexAdmin, ISearchIndexLagSource
{
    private readonly Channel<QueuedChanges> _changes =
        Channel.CreateUnbounded<QueuedChanges>(new UnboundedChannelOptions { SingleReader = true });

    // Held while a batch is written and while a rebuilt generation is swapped in.
    private readonly SemaphoreSlim _writeGate = new(1, 1);
    private readonly SemaphoreSlim _rebuildGate = new(1, 1);

    // Not null while a rebuild runs: the changes it must replay on the new generation (guarded by _writeGate).
    private HashSet<CatalogChange>? _duringRebuild;
    private volatile bool _dirty;
    private volatile bool _rebuilding;

    // UTC ticks of when the oldest change of the batch being applied was queued; 0 while none is.
    private long _applyingSince;

    public SearchIndexStatus Status => index.Status;

    /// <summary>Age of the oldest change queued or being applied and not yet searchable (zero when none).</summary>
    public TimeSpan Lag
    {
        get
        {
            var applying = Interlocked.Read(ref _applyingSince);
            var queued = _changes.Reader.TryPeek(out var next) ? next.QueuedAt.UtcTicks : 0;
            var oldest = applying == 0 ? queued : queued == 0 ? applying : Math.Min(applying, queued);
            return oldest == 0 ? TimeSpan.Zero : TimeSpan.FromTicks(Math.Max(0, clock.GetUtcNow().UtcTicks - oldest));
        }
    }

    /// <summary>Queues documents to re-read; returns at once.</summary>
    public void Enqueue(IReadOnlyCollection<CatalogChange> changes)
    {
        if (changes.Count > 0)
        {
            _changes.Writer.TryWrite(new QueuedChanges(changes, clock.GetUtcNow()));
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await Task.Yield();
        var needsBuild = true;
        try
        {
            var data = index.OpenExisting();
            if (data is not null)
            {
                var fingerprint = await FingerprintAsync(stoppingToken);
                needsBuild = !data.TryGetValue(IndexGeneration.FingerprintKey, out var stored) || stored != fingerprint;
                index.UpdateStatus(BuiltAt(data), isRebuilding: needsBuild);
            }
        }
        catch (Exception exception) when (exception is IOException or CorruptIndexException or LockObtainFailedException)
        {
            LogOpenFailed(logger, exception);
        }

        if (needsBuild)
        {
            // Nothing to apply changes to yet (or a stale index): keep them for the new generation.
            _duringRebuild = [];
        }

        var applying = ApplyChangesAsync(stoppingToken);
        var committing = CommitPeriodicallyAsync(stoppingToken);
        var auditing = AuditPeriodicallyAsync(stoppingToken);
        for (var delay = TimeSpan.FromSeconds(2); needsBuild && !stoppingToken.IsCancellationRequested; delay = TimeSpan.FromSeconds(Math.Min(delay.TotalSeconds * 2, 60)))
        {
            try
            {
                await RebuildAsync(null, stoppingToken);
                needsBuild = false;
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception exception) when (exception is DbUpdateException or InvalidOperationException or MySqlConnector.MySqlException or IOException)
            {
                LogBuildFailed(logger, exception);
                await DelayAsync(delay, stoppingToken);
            }
        }

        await Task.WhenAll(applying, committing, auditing);
        await CommitAsync(CancellationToken.None);
    }

    public async Task RebuildAsync(IProgress<RebuildProgress>? progress, CancellationToken cancellationToken)
    {
        await _rebuildGate.WaitAsync(cancellationToken);
        IndexGeneration? generation = null;
        try
        {
            await _writeGate.WaitAsync(cancellationToken);
            _duringRebuild ??= [];
            _writeGate.Release();
            _rebuilding = true;
            index.UpdateStatus(null, isRebuilding: true);

            // The fingerprint is taken before reading: anything changed later is newer than it, and is
            // replayed below or found by the next start's comparison.
            var fingerprint = await FingerprintAsync(cancellationToken);

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

            await _writeGate.WaitAsync(cancellationToken);
            try
            {
                var missed = _duringRebuild ?? [];
                await ApplyAsync(generation, missed, cancellationToken);
                generation.Searchers.MaybeRefreshBlocking();
                index.Swap(generation);
                generation = null;
                _duringRebuild = null;
            }
            finally
            {
                _writeGate.Release();
            }

            _rebuilding = false;
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
                _rebuilding = false;
                await _writeGate.WaitAsync(CancellationToken.None);
                if (index.IsReady)
                {
                    _duringRebuild = null;
                }

                _writeGate.Release();
                index.UpdateStatus(null, isRebuilding: false);
            }

            _rebuildGate.Release();
        }
    }

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

                foreach (var document in await ReadAsync(context, kind, ids, cancellationToken))
                {
                    generation.Writer.AddDocument(document.Fields);
                }

                done += ids.Count;
                after = ids[^1];
                progress?.Report(new RebuildProgress(Math.Min(done, Math.Max(total, done)), Math.Max(total, done)));
            }
        }
    }

    private async Task ApplyChangesAsync(CancellationToken stoppingToken)
    {
        try
        {
            while (await _changes.Reader.WaitToReadAsync(stoppingToken))
            {
                var batch = new HashSet<CatalogChange>();
                while (batch.Count < 1000 && _changes.Reader.TryRead(out var queued))
                {
                    Interlocked.CompareExchange(ref _applyingSince, queued.QueuedAt.UtcTicks, 0);
                    batch.UnionWith(queued.Changes);
                }

                try
                {
                    await _writeGate.WaitAsync(stoppingToken);
                    try
                    {
                        _duringRebuild?.UnionWith(batch);
                        if (index.Current is { } current)
                        {
                            await ApplyAsync(current, batch, stoppingToken);
                            current.Searchers.MaybeRefreshBlocking();
                            _dirty = true;
                        }
                    }
                    finally
                    {
                        _writeGate.Release();
                    }

                    index.UpdateStatus(null, _rebuilding);
                }
                catch (Exception exception) when (exception is DbUpdateException or InvalidOperationException or MySqlConnector.MySqlException or IOException)
                {
                    // The database or disk failed this batch: it stays stale until the next change of
                    // these documents, the next start (fingerprint) or a rebuild.
                    LogApplyFailed(logger, batch.Count, exception);
                }
                finally
                {
                    Interlocked.Exchange(ref _applyingSince, 0);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down.
        }
    }

    /// <summary>Re-reads the changed documents (and those that show a changed performer or venue) and writes or deletes them.</summary>
    private async Task ApplyAsync(IndexGeneration generation, HashSet<CatalogChange> changes, CancellationToken cancellationToken)
    {
        if (changes.Count == 0)
        {
            return;
        }

        await using var context = await contextFactory.CreateDbContextAsync(cancellationToken);
        var performers = IdsOf(changes, SearchKind.Performer);
        var venues = IdsOf(changes, SearchKind.Venue);
        var performances = IdsOf(changes, SearchKind.Performance).ToHashSet();
        if (performers.Count > 0)
        {
            performances.UnionWith(await CatalogDocumentReader.PerformancesCastingAsync(context, performers, cancellationToken));
        }

        if (venues.Count > 0)
        {
            performances.UnionWith(await CatalogDocumentReader.PerformancesAtAsync(context, venues, cancellationToken));
        }

        var batch = Math.Max(1, options.Value.RebuildBatchSize);
        foreach (var (kind, ids) in new[] { (SearchKind.Performance, performances.ToList()), (SearchKind.Performer, performers), (SearchKind.Venue, venues) })
        {
            foreach (var chunk in ids.Chunk(batch))
            {
                var documents = await ReadAsync(context, kind, chunk, cancellationToken);
                var written = new HashSet<long>();
                foreach (var document in documents)
                {
                    generation.Writer.UpdateDocument(new Term(SearchFields.Key, SearchFields.KeyOf(kind, document.Id)), document.Fields);
                    written.Add(document.Id);
                }

                foreach (var gone in chunk.Where(id => !written.Contains(id)))
                {
                    generation.Writer.DeleteDocuments(new Term(SearchFields.Key, SearchFields.KeyOf(kind, gone)));
                }
            }
        }
    }

    private static async Task<List<(long Id, Lucene.Net.Documents.Document Fields)>> ReadAsync(TicketBlueDbContext context, SearchKind kind, IReadOnlyCollection<long> ids, CancellationToken cancellationToken) => kind switch
    {
        SearchKind.Performance => (await CatalogDocumentReader.PerformancesAsync(context, ids, cancellationToken)).Select(row => (row.Id, SearchDocumentMapper.Map(row))).ToList(),
        SearchKind.Performer => (await CatalogDocumentReader.PerformersAsync(context, ids, cancellationToken)).Select(row => (row.Id, SearchDocumentMapper.Map(row))).ToList(),
        _ => (await CatalogDocumentReader.VenuesAsync(context, ids, cancellationToken)).Select(row => (row.Id, SearchDocumentMapper.Map(row))).ToList(),
    };

    private static List<long> IdsOf(IEnumerable<CatalogChange> changes, SearchKind kind) =>
        changes.Where(change => change.Kind == kind).Select(change => change.Id).Distinct().ToList();

    private async Task CommitPeriodicallyAsync(CancellationToken stoppingToken)
    {
        try
        {
            using var timer = new PeriodicTimer(options.Value.CommitInterval, clock);
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                await CommitAsync(stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down; the last commit follows in ExecuteAsync.
        }
    }

    /// <summary>Writes applied changes to disk with a fresh fingerprint (taken first, so it never claims more than is applied).</summary>
    private async Task CommitAsync(CancellationToken cancellationToken)
    {
        if (!_dirty || _rebuilding)
        {
            return;
        }

        try
        {
            var fingerprint = await FingerprintAsync(cancellationToken);
            await _writeGate.WaitAsync(cancellationToken);
            try
            {
                if (index.Current is { } current && !HasQueuedChanges)
                {
                    var data = new Dictionary<string, string>(current.Writer.CommitData) { [IndexGeneration.FingerprintKey] = fingerprint };
                    _dirty = false;
                    current.Commit(data);
                }
            }
            finally
            {
                _writeGate.Release();
            }
        }
        catch (Exception exception) when (exception is DbUpdateException or InvalidOperationException or MySqlConnector.MySqlException or IOException)
        {
            LogCommitFailed(logger, exception);
        }
    }

    /// <summary>
    /// Compares the database's catalogue fingerprint with the one the index last committed. A
    /// difference that is still there, with the database's unchanged, at the next audit — long after
    /// any change in flight would have been applied and committed — means a change never reached this
    /// node (a Redis message lost while it was disconnected, or a write that bypassed EF Core): the index
    /// is rebuilt, searches keep the old one meanwhile. True when it rebuilt.
    /// </summary>
    public async Task<bool> AuditAsync(CancellationToken cancellationToken)
    {
        if (_rebuilding || _dirty || HasQueuedChanges || !index.IsReady)
        {
            // Changes are still being applied or written: the committed fingerprint is behind by design.
            return false;
        }

        var database = await FingerprintAsync(cancellationToken);
        string? indexed;
        await _writeGate.WaitAsync(cancellationToken);
        try
        {
            indexed = index.Current?.Writer.CommitData.TryGetValue(IndexGeneration.FingerprintKey, out var stored) == true ? stored : null;
        }
        finally
        {
            _writeGate.Release();
        }

        if (indexed == database || _dirty)
        {
            _suspectedFingerprint = null;
            return false;
        }

        if (_suspectedFingerprint != database)
        {
            // First sighting: give a change in flight time to arrive.
            _suspectedFingerprint = database;
            return false;
        }

        _suspectedFingerprint = null;
        LogDrift(logger);
        await RebuildAsync(null, cancellationToken);
        return true;
    }

    private string? _suspectedFingerprint;

    // Peek, not Count: a single-reader unbounded channel cannot count (Count throws NotSupportedException).
    private bool HasQueuedChanges => _changes.Reader.TryPeek(out _);

    private async Task AuditPeriodicallyAsync(CancellationToken stoppingToken)
    {
        try
        {
            using var timer = new PeriodicTimer(options.Value.AuditInterval, clock);
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                try
                {
                    await AuditAsync(stoppingToken);
                }
                catch (Exception exception) when (exception is DbUpdateException or InvalidOperationException or MySqlConnector.MySqlException or IOException)
                {
                    LogAuditFailed(logger, exception);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down.
        }
    }

    private async Task<string> FingerprintAsync(CancellationToken cancellationToken)
    {
        await using var context = await contextFactory.CreateDbContextAsync(cancellationToken);
        return await CatalogFingerprint.ComputeAsync(context, cancellationToken);
    }

    private static DateTimeOffset? BuiltAt(IDictionary<string, string> data) =>
        data.TryGetValue(IndexGeneration.BuiltAtKey, out var value) && DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var builtAt)
            ? builtAt
            : null;

    private static async Task DelayAsync(TimeSpan delay, CancellationToken cancellationToken)
    {
        try
        {
            await Task.Delay(delay, cancellationToken);
        }
        catch (OperationCanceledException)
        {
            // Stopping.
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

    public override void Dispose()
    {
        _writeGate.Dispose();
        _rebuildGate.Dispose();
        base.Dispose();
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Search index rebuilt: {Performances} performances, {Performers} performers, {Venues} venues")]
    private static partial void LogRebuilt(ILogger logger, int performances, int performers, int venues);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not open the search index; building a new one")]
    private static partial void LogOpenFailed(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Error, Message = "Building the search index failed; retrying")]
    private static partial void LogBuildFailed(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not index {Count} catalogue changes")]
    private static partial void LogApplyFailed(ILogger logger, int count, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The search index missed a catalogue change (its fingerprint differs from the database's twice in a row): rebuilding it")]
    private static partial void LogDrift(ILogger logger);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not audit the search index against the database")]
    private static partial void LogAuditFailed(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not commit the search index")]
    private static partial void LogCommitFailed(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not delete the unfinished search index at {Path}")]
    private static partial void LogDeleteFailed(ILogger logger, string path, Exception exception);
}

/// <summary>Changes waiting for the indexer, with when they were queued (the lag's start).</summary>
internal readonly record struct QueuedChanges(IReadOnlyCollection<CatalogChange> Changes, DateTimeOffset QueuedAt);
