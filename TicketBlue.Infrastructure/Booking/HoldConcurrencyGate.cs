using Microsoft.Extensions.Options;

namespace TicketBlue.Infrastructure.Booking;

/// <summary>
/// Caps how many hold transactions one node runs at once. In a rush a thousand requests want the
/// same few hundred rows; letting all of them into MariaDB at once only makes them queue on each
/// other's row locks (more CPU, lock-wait timeouts). A few at a time, each finishing in a
/// millisecond, serve the queue faster.
/// </summary>
public sealed class HoldConcurrencyGate(IOptions<SeatFeedOptions> options) : IDisposable
{
    private readonly SemaphoreSlim _slots = new(options.Value.MaxConcurrentHolds, options.Value.MaxConcurrentHolds);

    public async Task<IDisposable> EnterAsync(CancellationToken cancellationToken)
    {
        await _slots.WaitAsync(cancellationToken);
        return new Slot(_slots);
    }

    public void Dispose() => _slots.Dispose();

    private sealed class Slot(SemaphoreSlim slots) : IDisposable
    {
        private SemaphoreSlim? _slots = slots;

        public void Dispose() => Interlocked.Exchange(ref _slots, null)?.Release();
    }
}
