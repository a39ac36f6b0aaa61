using System.Threading.Channels;
using TicketBlue.Domain.Search;

namespace TicketBlue.Infrastructure.Search;

/// <summary>
/// The catalogue changes waiting for this node's index (this node's and other nodes'), and how far
/// behind the index is: the age of the oldest change queued or being applied.
/// </summary>
public sealed class SearchIndexBacklog(TimeProvider clock)
{
    /// <summary>At most this many changes are applied in one batch.</summary>
    public const int BatchSize = 1000;

    private readonly Channel<QueuedChanges> _changes =
        Channel.CreateUnbounded<QueuedChanges>(new UnboundedChannelOptions { SingleReader = true });

    // UTC ticks of when the oldest change of the batch being applied was queued; 0 while none is.
    private long _applyingSince;

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

    // Peek, not Count: a single-reader unbounded channel cannot count (Count throws NotSupportedException).
    public bool HasQueuedChanges => _changes.Reader.TryPeek(out _);

    /// <summary>Queues documents to re-read; returns at once.</summary>
    public void Enqueue(IReadOnlyCollection<CatalogChange> changes)
    {
        if (changes.Count > 0)
        {
            _changes.Writer.TryWrite(new QueuedChanges(changes, clock.GetUtcNow()));
        }
    }

    /// <summary>
    /// Waits for changes and takes up to <see cref="BatchSize"/> of them, marking them as being applied
    /// (for <see cref="Lag"/>) until <see cref="Applied"/>; null when the queue is closed.
    /// </summary>
    public async Task<HashSet<CatalogChange>?> NextBatchAsync(CancellationToken cancellationToken)
    {
        if (!await _changes.Reader.WaitToReadAsync(cancellationToken))
        {
            return null;
        }

        var batch = new HashSet<CatalogChange>();
        while (batch.Count < BatchSize && _changes.Reader.TryRead(out var queued))
        {
            Interlocked.CompareExchange(ref _applyingSince, queued.QueuedAt.UtcTicks, 0);
            batch.UnionWith(queued.Changes);
        }

        return batch;
    }

    /// <summary>The batch taken last is done with (searchable, or given up).</summary>
    public void Applied() => Interlocked.Exchange(ref _applyingSince, 0);
}

/// <summary>Changes waiting for the indexer, with when they were queued (the lag's start).</summary>
internal readonly record struct QueuedChanges(IReadOnlyCollection<CatalogChange> Changes, DateTimeOffset QueuedAt);
