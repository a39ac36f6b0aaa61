using Lucene.Net.Index;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using TicketBlue.Domain.Search;
using TicketBlue.Infrastructure.Persistence;

namespace TicketBlue.Infrastructure.Search;

/// <summary>
/// Applies queued catalogue changes to the live generation one batch at a time, by re-reading the
/// changed documents (and those that show a changed performer or venue), and makes them searchable at
/// once (near-real-time refresh). While a rebuild runs, the batch is also kept for it to replay.
/// </summary>
public sealed partial class SearchChangeApplier(
    IDbContextFactory<TicketBlueDbContext> contextFactory,
    SearchIndex index,
    SearchIndexWriting writing,
    SearchIndexBacklog queue,
    IOptions<SearchOptions> options,
    ILogger<SearchIndexer> logger)
{
    /// <summary>Applies batches until <paramref name="stoppingToken"/> is cancelled.</summary>
    public async Task RunAsync(CancellationToken stoppingToken)
    {
        try
        {
            while (await queue.NextBatchAsync(stoppingToken) is { } batch)
            {
                try
                {
                    await writing.Gate.WaitAsync(stoppingToken);
                    try
                    {
                        writing.DuringRebuild?.UnionWith(batch);
                        if (index.Current is { } current)
                        {
                            await ApplyAsync(current, batch, stoppingToken);
                            current.Searchers.MaybeRefreshBlocking();
                            writing.IsDirty = true;
                        }
                    }
                    finally
                    {
                        writing.Gate.Release();
                    }

                    index.UpdateStatus(null, writing.IsRebuilding);
                }
                catch (Exception exception) when (exception is DbUpdateException or InvalidOperationException or MySqlConnector.MySqlException or IOException)
                {
                    // The database or disk failed this batch: it stays stale until the next change of
                    // these documents, the next start (fingerprint) or a rebuild.
                    LogApplyFailed(logger, batch.Count, exception);
                }
                finally
                {
                    queue.Applied();
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down.
        }
    }

    /// <summary>Re-reads the changed documents (and those that show a changed performer or venue) and writes or deletes them.</summary>
    internal async Task ApplyAsync(IndexGeneration generation, HashSet<CatalogChange> changes, CancellationToken cancellationToken)
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
                var documents = await SearchDocumentMapper.ReadAsync(context, kind, chunk, cancellationToken);
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

    private static List<long> IdsOf(IEnumerable<CatalogChange> changes, SearchKind kind) =>
        changes.Where(change => change.Kind == kind).Select(change => change.Id).Distinct().ToList();

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not index {Count} catalogue changes")]
    private static partial void LogApplyFailed(ILogger logger, int count, Exception exception);
}
