using System.Globalization;
using Microsoft.EntityFrameworkCore;
using StackExchange.Redis;
using TicketBlue.Infrastructure.Caching;
using TicketBlue.Infrastructure.Persistence;
using TicketBlue.Infrastructure.Persistence.Replication;
using TicketBlue.Web.Features.Catalog.Performances;

namespace TicketBlue.Web.Features.Catalog.Caching;

/// <summary>
/// The performance page from Redis in two kinds of entries (ADR-005):
/// <list type="bullet">
/// <item>the show (<see cref="PerformanceShow"/>), under the catalogue generation;</item>
/// <item>each round's remaining seats, under the generation and the round's seat version, which
/// every hold, sale, release and cancellation replaces; an entry also ends when the round's first live
/// hold runs out, the one change that happens without a write.</item>
/// </list>
/// Four Redis round trips when all is cached, no database query; a miss reads only what is missing.
/// Redis unusable: <see cref="GetPerformanceDetailHandler"/> answers, as without a cache.
/// </summary>
public sealed class CachedPerformanceDetailHandler(
    IGetPerformanceDetailHandler uncached,
    IDbContextFactory<TicketBlueDbContext> contextFactory,
    CacheStore cache,
    TimeProvider clock,
    [FromKeyedServices(ReadDbContextFactory.Key)] IDbContextFactory<TicketBlueDbContext>? showReads = null) : IGetPerformanceDetailHandler
{
    private static readonly IReadOnlyDictionary<long, DateTimeOffset> NoHolds = new Dictionary<long, DateTimeOffset>();

    public async Task<PerformanceDetail?> HandleAsync(long performanceId, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var generation = await cache.GetGenerationAsync(cancellationToken);
        if (generation is null)
        {
            return await uncached.HandleAsync(performanceId, cancellationToken);
        }

        var show = await GetShowAsync(performanceId, generation, now, cancellationToken);
        if (show is null)
        {
            return null;
        }

        var roundIds = show.UpcomingRoundIds(now);
        if (roundIds.Count == 0)
        {
            return show.ToDetail([], now, NoHolds);
        }

        var remaining = await GetRemainingAsync(roundIds, generation, now, cancellationToken);
        return remaining is null
            ? await uncached.HandleAsync(performanceId, cancellationToken)
            : show.ToDetail(remaining.Value.Counts, now, remaining.Value.HoldsEnd);
    }

    private async Task<PerformanceShow?> GetShowAsync(long performanceId, string generation, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var key = cache.Keys.Entry($"performance:{performanceId.ToString(CultureInfo.InvariantCulture)}", generation);
        var cached = await cache.TryGetAsync([key], cancellationToken);
        if (cached is not null && CacheStore.Deserialize(cached[0], CatalogCacheJson.Default.PerformanceShow) is { } hit)
        {
            return hit;
        }

        // The show (catalogue) may come from the replica; its remaining seats below never do (ADR-011).
        await using var context = await (showReads ?? contextFactory).CreateDbContextAsync(cancellationToken);
        var show = await PerformanceShowQuery.LoadAsync(context, performanceId, now, cancellationToken);
        if (show is not null)
        {
            cache.Set(key, CacheStore.Serialize(show, CatalogCacheJson.Default.PerformanceShow), cache.Options.CatalogTtl);
        }

        return show;
    }

    /// <summary>
    /// Remaining seats of the rounds, cached ones from Redis and the rest counted in one query, with when
    /// each round's first live hold runs out; null if Redis failed meanwhile.
    /// </summary>
    private async Task<(IReadOnlyList<RemainingCount> Counts, IReadOnlyDictionary<long, DateTimeOffset> HoldsEnd)?> GetRemainingAsync(IReadOnlyList<long> roundIds, string generation, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var versions = await cache.TryGetAsync(roundIds.Select(cache.Keys.RoundVersion).ToArray(), cancellationToken);
        if (versions is null)
        {
            return null;
        }

        var keys = roundIds
            .Select((roundId, i) => cache.Keys.Entry($"seats:{roundId.ToString(CultureInfo.InvariantCulture)}:v{CacheStore.TokenOf(versions[i])}", generation))
            .ToArray();
        var entries = await cache.TryGetAsync(keys, cancellationToken);
        if (entries is null)
        {
            return null;
        }

        var counts = new List<RemainingCount>();
        var holdsEnd = new Dictionary<long, DateTimeOffset>();
        var missing = new List<int>();
        for (var i = 0; i < roundIds.Count; i++)
        {
            if (CacheStore.Deserialize(entries[i], CatalogCacheJson.Default.CachedRoundSeats) is { } hit)
            {
                counts.AddRange(hit.Counts);
                if (hit.FirstHoldEndsAt is { } end)
                {
                    holdsEnd[roundIds[i]] = end;
                }
            }
            else
            {
                missing.Add(i);
            }
        }

        if (missing.Count > 0)
        {
            counts.AddRange(await LoadAndStoreAsync(missing.Select(i => (roundIds[i], keys[i])).ToList(), now, holdsEnd, cancellationToken));
        }

        return (counts, holdsEnd);
    }

    private async Task<IReadOnlyList<RemainingCount>> LoadAndStoreAsync(
        IReadOnlyList<(long RoundId, RedisKey Key)> rounds,
        DateTimeOffset now,
        Dictionary<long, DateTimeOffset> holdsEnd,
        CancellationToken cancellationToken)
    {
        var ids = rounds.Select(round => round.RoundId).ToList();
        await using var context = await contextFactory.CreateDbContextAsync(cancellationToken);
        var counts = await RemainingSeatsQuery.CountAsync(context, ids, now, cancellationToken);
        var expiries = await RemainingSeatsQuery.NextHoldExpiryAsync(context, ids, now, cancellationToken);
        var byRound = counts.ToLookup(row => row.RoundId);
        foreach (var (roundId, key) in rounds)
        {
            var lifetime = cache.Options.SeatsTtl;
            DateTimeOffset? firstHoldEnds = null;
            if (expiries.TryGetValue(roundId, out var end))
            {
                holdsEnd[roundId] = end;
                firstHoldEnds = end;
                lifetime = TimeSpan.FromTicks(Math.Min(lifetime.Ticks, (end - now).Ticks));
            }

            cache.Set(key, CacheStore.Serialize(new CachedRoundSeats(byRound[roundId].ToList()) { FirstHoldEndsAt = firstHoldEnds }, CatalogCacheJson.Default.CachedRoundSeats), lifetime);
        }

        return counts;
    }
}
