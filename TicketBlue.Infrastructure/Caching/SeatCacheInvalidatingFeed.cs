using TicketBlue.Infrastructure.Booking;

namespace TicketBlue.Infrastructure.Caching;

/// <summary>
/// The seat feed with cached remaining seats kept exact: every committed hold, sale, release and
/// cancellation is published through <see cref="IRoundSeatFeed.PublishAsync"/>, so this replaces the
/// round's seat version there, before the page that made the change moves on (ADR-005).
/// </summary>
public sealed class SeatCacheInvalidatingFeed(IRoundSeatFeed inner, CacheStore cache) : IRoundSeatFeed
{
    public bool IsLive => inner.IsLive;

    public Task<RoundSeatBoard> GetBoardAsync(long roundId, CancellationToken cancellationToken) =>
        inner.GetBoardAsync(roundId, cancellationToken);

    public IDisposable Subscribe(long roundId, Func<IReadOnlyList<SeatStatus>, Task> onChanged) =>
        inner.Subscribe(roundId, onChanged);

    public async Task PublishAsync(long roundId, IReadOnlyList<SeatStatus> changes)
    {
        if (changes.Count > 0)
        {
            // Never throws: a failure is remembered and this node starts a new generation once Redis answers.
            await cache.InvalidateAsync([cache.Keys.RoundVersion(roundId)]);
        }

        await inner.PublishAsync(roundId, changes);
    }
}
