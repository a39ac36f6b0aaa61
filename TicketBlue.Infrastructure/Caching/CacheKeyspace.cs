using StackExchange.Redis;

namespace TicketBlue.Infrastructure.Caching;

/// <summary>
/// The cache's Redis keys, all under "tb:cache:{database}:": ids are only unique within one database,
/// so another environment (or a test database) sharing this Redis never reads this one's entries.
/// </summary>
public sealed class CacheKeyspace(string database)
{
    private readonly string _prefix = $"tb:cache:{database}:";

    /// <summary>The generation token: part of every entry's key, replaced by any catalogue edit.</summary>
    public RedisKey Generation => _prefix + "generation";

    /// <summary>The round's seat version token: part of its remaining-seats key, replaced by any seat change.</summary>
    public RedisKey RoundVersion(long roundId) => $"{_prefix}round:{roundId}:version";

    /// <summary>
    /// The performance's seat version token: replaced by any seat change in any of its rounds, it keys
    /// the performance's shared rendered page (which lists every round's remaining seats).
    /// </summary>
    public RedisKey PerformanceSeatsVersion(long performanceId) => $"{_prefix}performance:{performanceId}:seats-version";

    /// <summary>An entry's key: its name and the version tokens it was read under.</summary>
    public RedisKey Entry(string name, string generation) => $"{_prefix}{name}:g{generation}";
}
