using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace TicketBlue.Infrastructure.Booking;

/// <summary>
/// Group commit for seat holds (ADR-004 "Group commit"). Hold requests queue here; one batch at a
/// time per node is written by <see cref="HoldBatchWriter"/> in a single transaction, and every
/// request that arrived while a batch was in the database goes into the next one. An idle node
/// writes a lone request at once (a batch of one); in a rush the batches grow by themselves, so the
/// database sees a few statements per batch instead of a transaction per customer.
/// </summary>
/// <remarks>
/// No background service: the first request that finds no batch running starts the writing on the
/// thread pool, and it stops when the queue is empty. A batch never waits for company.
/// </remarks>
public sealed partial class HoldBatcher(HoldBatchWriter writer, IOptions<SeatFeedOptions> options, ILogger<HoldBatcher> logger)
{
    private readonly ConcurrentQueue<PendingHold> _queue = new();
    private int _writing;

    internal Task<HoldResult> HoldAsync(string userId, long roundId, IReadOnlyCollection<long> roundSeatIds, CancellationToken cancellationToken)
    {
        // Past this many waiting requests the node is not keeping up: an honest "busy, try again" now
        // beats an answer seconds later, and the queue cannot grow without bound.
        if (_queue.Count >= options.Value.MaxQueuedHolds)
        {
            return Task.FromResult(HoldResult.Failed(HoldFailures.Busy));
        }

        var pending = new PendingHold(userId, roundId, roundSeatIds, cancellationToken);
        _queue.Enqueue(pending);
        StartWriting();
        return pending.Answer;
    }

    private void StartWriting()
    {
        if (Interlocked.CompareExchange(ref _writing, 1, 0) == 0)
        {
            _ = Task.Run(WriteQueuedAsync, CancellationToken.None);
        }
    }

    private async Task WriteQueuedAsync()
    {
        var carried = (IReadOnlyList<PendingHold>)[];
        try
        {
            while (NextBatch(carried) is { Count: > 0 } batch)
            {
                carried = await WriteAsync(batch);
            }
        }
        finally
        {
            Volatile.Write(ref _writing, 0);
        }

        // A request queued between the last look and the reset above would otherwise wait for the next arrival.
        if (!_queue.IsEmpty)
        {
            StartWriting();
        }
    }

    private async Task<IReadOnlyList<PendingHold>> WriteAsync(List<PendingHold> batch)
    {
        try
        {
            return await writer.WriteAsync(batch);
        }
        catch (Exception exception)
        {
            // The writer answers every request itself; this is the net under it, so no request ever hangs.
            LogBatchFailed(logger, batch.Count, exception);
            foreach (var pending in batch)
            {
                pending.Fail(exception);
            }

            return [];
        }
    }

    /// <summary>Requests carried from the last batch first (they were there earlier), then the queue, up to the batch size.</summary>
    private List<PendingHold> NextBatch(IReadOnlyList<PendingHold> carried)
    {
        var batch = new List<PendingHold>(Math.Min(options.Value.MaxHoldBatch, carried.Count + _queue.Count));
        batch.AddRange(carried);
        while (batch.Count < options.Value.MaxHoldBatch && _queue.TryDequeue(out var pending))
        {
            if (pending.CancellationToken.IsCancellationRequested)
            {
                pending.Cancel();
                continue;
            }

            batch.Add(pending);
        }

        return batch;
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "A batch of {Count} hold requests failed")]
    private static partial void LogBatchFailed(ILogger logger, int count, Exception exception);
}
