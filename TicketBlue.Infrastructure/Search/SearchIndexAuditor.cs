using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using TicketBlue.Infrastructure.Persistence;

namespace TicketBlue.Infrastructure.Search;

/// <summary>
/// Every <see cref="SearchOptions.AuditInterval"/>, compares the database's catalogue fingerprint with
/// the one the index last committed, and has the index rebuilt when a change never reached this node.
/// </summary>
public sealed partial class SearchIndexAuditor(
    IDbContextFactory<TicketBlueDbContext> contextFactory,
    SearchIndex index,
    SearchIndexWriting writing,
    SearchIndexBacklog queue,
    SearchIndexRebuilder rebuilder,
    IOptions<SearchOptions> options,
    TimeProvider clock,
    ILogger<SearchIndexer> logger)
{
    // The database's fingerprint seen differing once; a rebuild follows if it is still the same next time.
    private string? _suspectedFingerprint;

    /// <summary>Audits every interval until <paramref name="stoppingToken"/> is cancelled.</summary>
    public async Task RunAsync(CancellationToken stoppingToken)
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

    /// <summary>
    /// Compares the database's catalogue fingerprint with the one the index last committed. A
    /// difference that is still there, with the database's unchanged, at the next audit — long after
    /// any change in flight would have been applied and committed — means a change never reached this
    /// node (a Redis message lost while it was disconnected, or a write that bypassed EF Core): the index
    /// is rebuilt, searches keep the old one meanwhile. True when it rebuilt.
    /// </summary>
    public async Task<bool> AuditAsync(CancellationToken cancellationToken)
    {
        if (writing.IsRebuilding || writing.IsDirty || queue.HasQueuedChanges || !index.IsReady)
        {
            // Changes are still being applied or written: the committed fingerprint is behind by design.
            return false;
        }

        var database = await CatalogFingerprint.ComputeAsync(contextFactory, cancellationToken);
        string? indexed;
        await writing.Gate.WaitAsync(cancellationToken);
        try
        {
            indexed = index.Current?.Writer.CommitData.TryGetValue(IndexGeneration.FingerprintKey, out var stored) == true ? stored : null;
        }
        finally
        {
            writing.Gate.Release();
        }

        if (indexed == database || writing.IsDirty)
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
        await rebuilder.RebuildAsync(null, cancellationToken);
        return true;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The search index missed a catalogue change (its fingerprint differs from the database's twice in a row): rebuilding it")]
    private static partial void LogDrift(ILogger logger);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not audit the search index against the database")]
    private static partial void LogAuditFailed(ILogger logger, Exception exception);
}
