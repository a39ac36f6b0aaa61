using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace TicketBlue.Infrastructure.Caching;

/// <summary>
/// Cache-aside over the app's Redis connection (ADR-005). Entries are never deleted to invalidate
/// them: their keys carry version tokens (the catalogue generation, a round's seat version), and a
/// change replaces the token, so a reader that read the old token before the change can at worst
/// write an entry nobody will look up again.
/// <para>
/// Redis is an accelerator, never a dependency: every call has a short timeout, and a failure makes
/// callers read the database (null from the read methods) and this node leave Redis alone for
/// <see cref="CacheOptions.RetryAfter"/>, with one warning per outage. An invalidation that could not
/// be sent is remembered: this node then trusts no entry until it has replaced the generation.
/// </para>
/// </summary>
public sealed partial class CacheStore(IConnectionMultiplexer redis, CacheKeyspace keys, IOptions<CacheOptions> options, ILogger<CacheStore> logger)
{
    /// <summary>Version tokens outlive every entry read under them, then go (a missing token reads as "0").</summary>
    private static readonly TimeSpan TokenLifetime = TimeSpan.FromDays(7);

    private long _retryAtTicks;
    private int _missedInvalidation;

    public CacheKeyspace Keys => keys;

    public CacheOptions Options => options.Value;

    /// <summary>The current generation token, or null when the cache cannot be used now (read the database).</summary>
    public async Task<string?> GetGenerationAsync(CancellationToken cancellationToken)
    {
        var values = await TryGetAsync([keys.Generation], cancellationToken);
        return values is null ? null : TokenOf(values[0]);
    }

    /// <summary>
    /// Cache-aside for an entry that only catalogue edits make stale: read under the current generation,
    /// or load, store for <paramref name="lifetime"/> and return. Null results (nothing found) are not stored.
    /// </summary>
    public async Task<T?> GetOrLoadAsync<T>(string name, JsonTypeInfo<T> type, TimeSpan lifetime, Func<CancellationToken, Task<T?>> load, CancellationToken cancellationToken)
        where T : class
    {
        var generation = await GetGenerationAsync(cancellationToken);
        if (generation is null)
        {
            return await load(cancellationToken);
        }

        var key = keys.Entry(name, generation);
        var cached = await TryGetAsync([key], cancellationToken);
        if (cached is not null && Deserialize(cached[0], type) is { } hit)
        {
            return hit;
        }

        var value = await load(cancellationToken);
        if (value is not null)
        {
            Set(key, Serialize(value, type), lifetime);
        }

        return value;
    }

    /// <summary>The values of <paramref name="redisKeys"/> (Null where missing), or null when the cache cannot be used now.</summary>
    public async Task<RedisValue[]?> TryGetAsync(RedisKey[] redisKeys, CancellationToken cancellationToken)
    {
        if (!await IsUsableAsync())
        {
            return null;
        }

        try
        {
            return await redis.GetDatabase().StringGetAsync(redisKeys).WaitAsync(Options.Timeout, cancellationToken);
        }
        catch (Exception exception) when (IsRedisFailure(exception))
        {
            Trip(exception);
            return null;
        }
    }

    /// <summary>Stores an entry without waiting for Redis (a page never waits on a cache write).</summary>
    public void Set(RedisKey key, byte[] value, TimeSpan lifetime)
    {
        if (lifetime <= TimeSpan.Zero || !IsOpen())
        {
            return;
        }

        try
        {
            redis.GetDatabase().StringSet(key, value, lifetime, When.Always, CommandFlags.FireAndForget);
        }
        catch (Exception exception) when (IsRedisFailure(exception))
        {
            Trip(exception);
        }
    }

    /// <summary>
    /// Gives each version key a new token, so every entry read under the old ones is dropped. Called
    /// after the change committed; never throws (a failure is remembered, see the class summary).
    /// </summary>
    public async Task InvalidateAsync(IReadOnlyList<RedisKey> versionKeys)
    {
        if (versionKeys.Count == 0 || !Options.Enabled)
        {
            return;
        }

        if (!IsOpen() || !redis.IsConnected)
        {
            Interlocked.Exchange(ref _missedInvalidation, 1);
            return;
        }

        try
        {
            var database = redis.GetDatabase();
            await Task.WhenAll(versionKeys.Select(key => database.StringSetAsync(key, NewToken(), TokenLifetime))).WaitAsync(Options.Timeout);
        }
        catch (Exception exception) when (IsRedisFailure(exception))
        {
            Interlocked.Exchange(ref _missedInvalidation, 1);
            Trip(exception);
        }
    }

    /// <summary>Reads an entry stored as JSON; null when missing or unreadable (then the caller loads it).</summary>
    public static T? Deserialize<T>(RedisValue value, JsonTypeInfo<T> type)
        where T : class
    {
        if (value.IsNull)
        {
            return null;
        }

        try
        {
            return JsonSerializer.Deserialize((ReadOnlySpan<byte>)(byte[])value!, type);
        }
        catch (JsonException)
        {
            // An entry of an older shape (a deploy changed the record): read the database and overwrite it.
            return null;
        }
    }

    public static byte[] Serialize<T>(T value, JsonTypeInfo<T> type) => JsonSerializer.SerializeToUtf8Bytes(value, type);

    /// <summary>A version token as stored ("0" for a key never bumped or gone).</summary>
    public static string TokenOf(RedisValue value) => value.IsNull ? "0" : value.ToString();

    private async ValueTask<bool> IsUsableAsync()
    {
        if (!Options.Enabled || !IsOpen())
        {
            return false;
        }

        if (!redis.IsConnected)
        {
            Trip(null);
            return false;
        }

        if (Volatile.Read(ref _missedInvalidation) == 1)
        {
            // Some change of ours never reached Redis: entries may be stale. Start a new generation first.
            try
            {
                await redis.GetDatabase().StringSetAsync(keys.Generation, NewToken(), TokenLifetime).WaitAsync(Options.Timeout);
                Interlocked.Exchange(ref _missedInvalidation, 0);
            }
            catch (Exception exception) when (IsRedisFailure(exception))
            {
                Trip(exception);
                return false;
            }
        }

        return true;
    }

    private bool IsOpen() => Environment.TickCount64 >= Interlocked.Read(ref _retryAtTicks);

    private void Trip(Exception? exception)
    {
        var retryAt = Environment.TickCount64 + (long)Options.RetryAfter.TotalMilliseconds;
        var previous = Interlocked.Exchange(ref _retryAtTicks, retryAt);
        if (Environment.TickCount64 >= previous)
        {
            // Once per outage period, not once per page.
            LogRedisUnavailable(logger, Options.RetryAfter, exception);
        }
    }

    private static string NewToken() => Guid.NewGuid().ToString("N")[..12];

    private static bool IsRedisFailure(Exception exception) =>
        exception is RedisException or TimeoutException or ObjectDisposedException;

    [LoggerMessage(Level = LogLevel.Warning, Message = "Redis cache unavailable: reading the database for the next {RetryAfter}")]
    private static partial void LogRedisUnavailable(ILogger logger, TimeSpan retryAfter, Exception? exception);
}
