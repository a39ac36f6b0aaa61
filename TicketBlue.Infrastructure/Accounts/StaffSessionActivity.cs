using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using StackExchange.Redis;
using TicketBlue.Domain.Accounts;
using TicketBlue.Infrastructure.Caching;
using TicketBlue.Infrastructure.Persistence;

namespace TicketBlue.Infrastructure.Accounts;

/// <summary>
/// The last activity of each staff session, kept in Redis so every node and every kind of activity (a page
/// request on one node, a click in a circuit on another) moves the same clock. One atomic script both decides
/// whether the session went idle (<see cref="StaffSessionPolicy.IdleLimit"/>, by the app's clock) and, for
/// activity, records the new time. A session Redis knows nothing of (never begun, or forgotten) is idle.
/// When Redis cannot answer, the session is let through and the node logs a warning: the lifetime and the
/// account re-checks still apply, and staff are not all signed out by a Redis restart.
/// </summary>
public sealed partial class StaffSessionActivity(
    IConnectionMultiplexer redis,
    IDbContextFactory<TicketBlueDbContext> contextFactory,
    TimeProvider clock,
    ILogger<StaffSessionActivity> logger)
{
    // ARGV: 1 now (ms), 2 idle limit (ms), 3 "1" to record activity, 4 key lifetime (ms).
    private const string TouchScript = """
        local last = redis.call('GET', KEYS[1])
        if not last then return 0 end
        if tonumber(ARGV[1]) - tonumber(last) > tonumber(ARGV[2]) then
          redis.call('DEL', KEYS[1])
          return 0
        end
        if ARGV[3] == '1' then redis.call('SET', KEYS[1], ARGV[1], 'PX', ARGV[4]) end
        return 1
        """;

    // Session ids are random, but one Redis may serve several databases (the tests do): keep them apart.
    private readonly string _prefix = $"tb:staff-session:{DatabaseChannels.DatabaseName(contextFactory)}:";

    /// <summary>The key outlives the idle limit a little, so the script, not Redis, decides by the app's clock.</summary>
    private static readonly TimeSpan KeyLifetime = StaffSessionPolicy.IdleLimit + TimeSpan.FromMinutes(5);

    /// <summary>A staff member signed in: their session is active from now.</summary>
    public async Task BeginAsync(string sessionId)
    {
        try
        {
            EnsureConnected();
            await redis.GetDatabase().StringSetAsync(Key(sessionId), clock.GetUtcNow().ToUnixTimeMilliseconds(), KeyLifetime);
        }
        catch (Exception exception) when (RedisOutage.Is(exception))
        {
            LogUnavailable(logger, exception);
        }
    }

    /// <summary>Activity in the session: true and recorded when it was still active, false when it had gone idle.</summary>
    public Task<bool> TouchAsync(string sessionId) => RunAsync(sessionId, record: true);

    /// <summary>Whether the session is still active, without counting this question as activity.</summary>
    public Task<bool> IsActiveAsync(string sessionId) => RunAsync(sessionId, record: false);

    /// <summary>Signing out: the session cannot be resumed with a copy of the cookie.</summary>
    public async Task EndAsync(string sessionId)
    {
        try
        {
            EnsureConnected();
            await redis.GetDatabase().KeyDeleteAsync(Key(sessionId));
        }
        catch (Exception exception) when (RedisOutage.Is(exception))
        {
            LogUnavailable(logger, exception);
        }
    }

    private async Task<bool> RunAsync(string sessionId, bool record)
    {
        try
        {
            EnsureConnected();
            var active = (long)await redis.GetDatabase().ScriptEvaluateAsync(
                TouchScript,
                [Key(sessionId)],
                [
                    clock.GetUtcNow().ToUnixTimeMilliseconds(),
                    (long)StaffSessionPolicy.IdleLimit.TotalMilliseconds,
                    record ? "1" : "0",
                    (long)KeyLifetime.TotalMilliseconds,
                ]);
            return active == 1;
        }
        catch (Exception exception) when (RedisOutage.Is(exception))
        {
            LogUnavailable(logger, exception);
            return true;
        }
    }

    private RedisKey Key(string sessionId) => $"{_prefix}{sessionId}";

    /// <summary>Fails at once while Redis is away, rather than making the request wait for the client's time-out.</summary>
    private void EnsureConnected()
    {
        if (!redis.IsConnected)
        {
            throw new RedisConnectionException(ConnectionFailureType.UnableToConnect, CommandFlags.None, "Redis is not connected.", null, CommandStatus.Unknown);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Redis is unavailable: staff sessions are not checked for idleness meanwhile")]
    private static partial void LogUnavailable(ILogger logger, Exception exception);
}
