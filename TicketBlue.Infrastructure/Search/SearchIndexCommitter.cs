using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using TicketBlue.Infrastructure.Persistence;

namespace TicketBlue.Infrastructure.Search;

/// <summary>
/// Writes the changes applied to the live generation to disk every <see cref="SearchOptions.CommitInterval"/>
/// (they are searchable before that), with a fresh catalogue fingerprint in the commit data, so a restart
/// knows what the index holds.
/// </summary>
public sealed partial class SearchIndexCommitter(
    IDbContextFactory<TicketBlueDbContext> contextFactory,
    SearchIndex index,
    SearchIndexWriting writing,
    SearchIndexBacklog queue,
    IOptions<SearchOptions> options,
    TimeProvider clock,
    ILogger<SearchIndexer> logger)
{
    /// <summary>Commits every interval until <paramref name="stoppingToken"/> is cancelled.</summary>
    public async Task RunAsync(CancellationToken stoppingToken)
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
            // Shutting down; the indexer commits once more when it stops.
        }
    }

    /// <summary>Writes applied changes to disk with a fresh fingerprint (taken first, so it never claims more than is applied).</summary>
    public async Task CommitAsync(CancellationToken cancellationToken)
    {
        if (!writing.IsDirty || writing.IsRebuilding)
        {
            return;
        }

        try
        {
            var fingerprint = await CatalogFingerprint.ComputeAsync(contextFactory, cancellationToken);
            await writing.Gate.WaitAsync(cancellationToken);
            try
            {
                if (index.Current is { } current && !queue.HasQueuedChanges)
                {
                    var data = new Dictionary<string, string>(current.Writer.CommitData) { [IndexGeneration.FingerprintKey] = fingerprint };
                    writing.IsDirty = false;
                    current.Commit(data);
                }
            }
            finally
            {
                writing.Gate.Release();
            }
        }
        catch (Exception exception) when (exception is DbUpdateException or InvalidOperationException or MySqlConnector.MySqlException or IOException)
        {
            LogCommitFailed(logger, exception);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not commit the search index")]
    private static partial void LogCommitFailed(ILogger logger, Exception exception);
}
