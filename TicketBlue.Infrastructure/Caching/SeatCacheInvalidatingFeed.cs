using System.Data.Common;
using StackExchange.Redis;
using TicketBlue.Infrastructure.Booking;

namespace TicketBlue.Infrastructure.Caching;

/// <summary>
/// The seat feed with cached remaining seats kept exact: every committed hold, sale, release and
/// cancellation is published through <see cref="IRoundSeatFeed.PublishAsync"/>, so this replaces the
/// round's seat version and its performance's seat version there (the first keys the round's counts,
/// the second the performance's shared rendered page), before the page that made the change moves on
/// (ADR-005).
/// </summary>
public sealed class SeatCacheInvalidatingFeed(IRoundSeatFeed inner, CacheStore cache, RoundPerformances rounds) : IRoundSeatFeed
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
            await cache.InvalidateAsync(await VersionKeysAsync(roundId));
        }

        await inner.PublishAsync(roundId, changes);
    }

    private async Task<RedisKey[]> VersionKeysAsync(long roundId)
    {
        try
        {
            return await rounds.FindAsync(roundId, CancellationToken.None) is { } performanceId
                ? [cache.Keys.RoundVersion(roundId), cache.Keys.PerformanceSeatsVersion(performanceId)]
                : [cache.Keys.RoundVersion(roundId)];
        }
        catch (DbException)
        {
            // The performance is unknown for now: a new generation drops every page, which covers its own.
            return [cache.Keys.RoundVersion(roundId), cache.Keys.Generation];
        }
    }
}
