using Microsoft.EntityFrameworkCore;
using StackExchange.Redis;
using TicketBlue.Infrastructure.Persistence;

namespace TicketBlue.Infrastructure.Booking;

/// <summary>
/// One sorted set per customer and round, "tb:hold-releases:{database}:{userId}:{roundId}": the hold
/// ids scored by release time in milliseconds. Every node reads and writes the same set, so moving to
/// another node does not reset the count; the key expires with its window, so idle customers cost nothing.
/// </summary>
public sealed class RedisHoldReleaseLog(IConnectionMultiplexer redis, IDbContextFactory<TicketBlueDbContext> contextFactory) : IHoldReleaseLog
{
    // Ids are only unique within one database: another environment (or test database) sharing this Redis keeps its own sets.
    private readonly string _prefix = $"tb:hold-releases:{DatabaseChannels.DatabaseName(contextFactory)}:";

    public async Task<IReadOnlyList<DateTimeOffset>> ReleasesSinceAsync(string userId, long roundId, DateTimeOffset since)
    {
        EnsureConnected();
        var scores = await redis.GetDatabase().SortedSetRangeByScoreWithScoresAsync(Key(userId, roundId), since.ToUnixTimeMilliseconds());
        return scores.Select(entry => DateTimeOffset.FromUnixTimeMilliseconds((long)entry.Score)).ToList();
    }

    public async Task RecordAsync(string userId, long roundId, Guid holdId, DateTimeOffset releasedAt, TimeSpan keepFor)
    {
        EnsureConnected();
        var key = Key(userId, roundId);
        var batch = redis.GetDatabase().CreateBatch();
        var added = batch.SortedSetAddAsync(key, holdId.ToString("N"), releasedAt.ToUnixTimeMilliseconds());
        var trimmed = batch.SortedSetRemoveRangeByScoreAsync(key, double.NegativeInfinity, (releasedAt - keepFor).ToUnixTimeMilliseconds(), Exclude.Stop);
        var expiring = batch.KeyExpireAsync(key, keepFor);
        batch.Execute();
        await Task.WhenAll(added, trimmed, expiring);
    }

    /// <summary>
    /// Fails at once while Redis is away, rather than letting the command wait in the client's backlog
    /// for its time-out: the hold path must not stall behind a store it can do without.
    /// </summary>
    private void EnsureConnected()
    {
        if (!redis.IsConnected)
        {
            throw new RedisConnectionException(ConnectionFailureType.UnableToConnect, CommandFlags.None, "Redis is not connected.", null, CommandStatus.Unknown);
        }
    }

    private RedisKey Key(string userId, long roundId) => $"{_prefix}{userId}:{roundId}";
}
