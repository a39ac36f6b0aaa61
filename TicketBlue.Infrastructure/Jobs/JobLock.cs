using Microsoft.EntityFrameworkCore;
using StackExchange.Redis;
using TicketBlue.Infrastructure.Persistence;

namespace TicketBlue.Infrastructure.Jobs;

/// <summary>
/// The cluster-wide lock of each job, "tb:jobs:{database}:lock:{jobKey}" in Redis: a random token with a time
/// to live, taken with SET NX, renewed and released only by the holder of the token (a script compares it), so
/// a node whose lock ran out can never extend or release the next holder's. Hangfire's own
/// <c>DisableConcurrentExecution</c> is not used: it is reported unreliable on the Redis storage (ADR-009).
/// </summary>
public sealed class JobLocks(IConnectionMultiplexer redis, IDbContextFactory<TicketBlueDbContext> contextFactory)
{
    private static readonly LuaScript Renew = LuaScript.Prepare(
        "if redis.call('get', @key) == @token then return redis.call('pexpire', @key, @ttl) else return 0 end");

    private static readonly LuaScript Release = LuaScript.Prepare(
        "if redis.call('get', @key) == @token then return redis.call('del', @key) else return 0 end");

    // Ids and runs are this database's own: another environment (or test database) sharing this Redis locks its own jobs.
    private readonly string _prefix = $"tb:jobs:{DatabaseChannels.DatabaseName(contextFactory)}:lock:";

    /// <summary>The Redis key of a job's lock.</summary>
    public RedisKey KeyOf(string jobKey) => _prefix + jobKey;

    /// <summary>Takes the job's lock for <paramref name="ttl"/>; null when another run holds it.</summary>
    public async Task<JobLease?> TryAcquireAsync(string jobKey, TimeSpan ttl)
    {
        var key = KeyOf(jobKey);
        var token = Guid.NewGuid().ToString("N");
        var taken = await redis.GetDatabase().StringSetAsync(key, token, ttl, When.NotExists);
        return taken ? new JobLease(this, key, token, ttl) : null;
    }

    internal async Task<bool> RenewAsync(RedisKey key, string token, TimeSpan ttl) =>
        (long)await redis.GetDatabase().ScriptEvaluateAsync(Renew, new { key, token, ttl = (long)ttl.TotalMilliseconds }) == 1;

    internal async Task ReleaseAsync(RedisKey key, string token) =>
        await redis.GetDatabase().ScriptEvaluateAsync(Release, new { key, token });
}

/// <summary>A held job lock: renewed after each chunk, released when the run stops.</summary>
public sealed class JobLease : IAsyncDisposable
{
    private readonly JobLocks _locks;
    private readonly RedisKey _key;
    private readonly string _token;
    private readonly TimeSpan _ttl;

    internal JobLease(JobLocks locks, RedisKey key, string token, TimeSpan ttl)
    {
        _locks = locks;
        _key = key;
        _token = token;
        _ttl = ttl;
    }

    /// <summary>Extends the lock by its time to live; false when it ran out and someone else may hold it now.</summary>
    public Task<bool> RenewAsync() => _locks.RenewAsync(_key, _token, _ttl);

    public async ValueTask DisposeAsync() => await _locks.ReleaseAsync(_key, _token);
}
