using System.Globalization;
using Lucene.Net.Index;
using Lucene.Net.Store;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using TicketBlue.Domain.Search;
using TicketBlue.Infrastructure.Observability;
using TicketBlue.Infrastructure.Persistence;

namespace TicketBlue.Infrastructure.Search;

/// <summary>
/// Owns this node's index and keeps it a projection of MariaDB. At start-up it opens the index, or
/// has it rebuilt when missing or when the catalogue fingerprint in its commit data differs from the
/// database's; then it runs the jobs that keep it so, each in its own class:
/// <list type="bullet">
/// <item><see cref="SearchChangeApplier"/> applies the queued changes (<see cref="SearchIndexBacklog"/>,
/// this node's and other nodes') and makes them searchable at once;</item>
/// <item><see cref="SearchIndexCommitter"/> commits them to disk every <see cref="SearchOptions.CommitInterval"/>;</item>
/// <item><see cref="SearchIndexRebuilder"/> writes a new generation while the old one answers, replays
/// the changes that came in meanwhile, and swaps;</item>
/// <item><see cref="SearchIndexAuditor"/> compares the fingerprints every <see cref="SearchOptions.AuditInterval"/>:
/// a change that never reached this node is repaired by a rebuild.</item>
/// </list>
/// </summary>
public sealed partial class SearchIndexer(
    IDbContextFactory<TicketBlueDbContext> contextFactory,
    SearchIndex index,
    SearchIndexWriting writing,
    SearchIndexBacklog queue,
    SearchChangeApplier applier,
    SearchIndexRebuilder rebuilder,
    SearchIndexCommitter committer,
    SearchIndexAuditor auditor,
    ILogger<SearchIndexer> logger) : BackgroundService, ISearchIndexAdmin, ISearchIndexLagSource
{
    public SearchIndexStatus Status => index.Status;

    /// <summary>Age of the oldest change queued or being applied and not yet searchable (zero when none).</summary>
    public TimeSpan Lag => queue.Lag;

    /// <summary>Queues documents to re-read; returns at once.</summary>
    public void Enqueue(IReadOnlyCollection<CatalogChange> changes) => queue.Enqueue(changes);

    public Task RebuildAsync(IProgress<RebuildProgress>? progress, CancellationToken cancellationToken) =>
        rebuilder.RebuildAsync(progress, cancellationToken);

    /// <inheritdoc cref="SearchIndexAuditor.AuditAsync"/>
    public Task<bool> AuditAsync(CancellationToken cancellationToken) => auditor.AuditAsync(cancellationToken);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await Task.Yield();
        var needsBuild = true;
        try
        {
            var data = index.OpenExisting();
            if (data is not null)
            {
                var fingerprint = await CatalogFingerprint.ComputeAsync(contextFactory, stoppingToken);
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
            writing.DuringRebuild = [];
        }

        var applying = applier.RunAsync(stoppingToken);
        var committing = committer.RunAsync(stoppingToken);
        var auditing = auditor.RunAsync(stoppingToken);
        for (var delay = TimeSpan.FromSeconds(2); needsBuild && !stoppingToken.IsCancellationRequested; delay = TimeSpan.FromSeconds(Math.Min(delay.TotalSeconds * 2, 60)))
        {
            try
            {
                await rebuilder.RebuildAsync(null, stoppingToken);
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
        await committer.CommitAsync(CancellationToken.None);
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

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not open the search index; building a new one")]
    private static partial void LogOpenFailed(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Error, Message = "Building the search index failed; retrying")]
    private static partial void LogBuildFailed(ILogger logger, Exception exception);
}
