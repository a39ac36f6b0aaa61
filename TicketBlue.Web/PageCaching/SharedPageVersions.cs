using System.Globalization;
using StackExchange.Redis;
using TicketBlue.Infrastructure.Caching;

namespace TicketBlue.Web.PageCaching;

/// <summary>
/// The version a shared page is kept under, read from the same Redis tokens the data cache uses
/// (ADR-005): any catalogue edit replaces the generation, any seat change in a show's rounds replaces
/// the show's seat version. A page kept under old tokens is simply never looked up again. One Redis
/// round trip; null when the cache is off or Redis cannot be used (then nothing is shared).
/// </summary>
public sealed class SharedPageVersions(CacheStore cache)
{
    public async Task<string?> GetAsync(SharedPageKind kind, HttpContext http, CancellationToken cancellationToken)
    {
        RedisKey[] keys;
        if (kind == SharedPageKind.Performance)
        {
            if (!long.TryParse(http.GetRouteValue("Id") as string, NumberStyles.None, CultureInfo.InvariantCulture, out var performanceId))
            {
                return null;
            }

            keys = [cache.Keys.Generation, cache.Keys.PerformanceSeatsVersion(performanceId)];
        }
        else
        {
            keys = [cache.Keys.Generation];
        }

        var tokens = await cache.TryGetAsync(keys, cancellationToken);
        return tokens is null ? null : string.Join('.', tokens.Select(CacheStore.TokenOf));
    }
}
