using System.Net;
using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using StackExchange.Redis;
using TicketBlue.Infrastructure.Caching;
using TicketBlue.Infrastructure.Persistence;

namespace TicketBlue.Infrastructure.Accounts;

/// <summary>
/// Wrong passwords slowed down instead of an account lockout (ADR-003), with the counts in Redis so every
/// node agrees. Each attempt is counted before the password is checked, in one atomic script that first
/// says whether the attempt must wait: a burst of parallel guesses gets no more free attempts than a
/// sequence. A success forgets its address's count and remembers the address as the owner's.
/// </summary>
public sealed partial class SignInThrottle(
    IConnectionMultiplexer redis,
    IDbContextFactory<TicketBlueDbContext> contextFactory,
    IOptions<SignInThrottleOptions> options,
    TimeProvider clock,
    ILogger<SignInThrottle> logger)
{
    // KEYS: 1 this account from this address, 2 this account from anywhere, 3 "the owner signed in from here".
    // The wait after n counted attempts is FirstDelay · 2^(n − free), at most the ceiling, from the last attempt.
    private const string BeginScript = """
        local now = tonumber(ARGV[1])
        local function wait(key, free, ceiling)
          local n = tonumber(redis.call('HGET', key, 'n') or 0)
          if n < free then return 0 end
          local last = tonumber(redis.call('HGET', key, 't') or 0)
          return math.max(0, last + math.min(ceiling, tonumber(ARGV[4]) * 2 ^ (n - free)) - now)
        end
        local w = wait(KEYS[1], tonumber(ARGV[2]), tonumber(ARGV[5]))
        if redis.call('EXISTS', KEYS[3]) == 0 then
          w = math.max(w, wait(KEYS[2], tonumber(ARGV[3]), tonumber(ARGV[6])))
        end
        if w > 0 then return math.ceil(w) end
        for i = 1, 2 do
          redis.call('HINCRBY', KEYS[i], 'n', 1)
          redis.call('HSET', KEYS[i], 't', now)
          redis.call('PEXPIRE', KEYS[i], ARGV[7])
        end
        return 0
        """;

    // The attempt counted for a success is taken back from the account's count; the address's is forgotten.
    private const string SucceededScript = """
        redis.call('DEL', KEYS[1])
        if redis.call('HINCRBY', KEYS[2], 'n', -1) <= 0 then redis.call('DEL', KEYS[2]) end
        redis.call('SET', KEYS[3], '1', 'PX', ARGV[1])
        return 0
        """;

    // Ids and e-mails are only unique within one database: another one sharing this Redis counts apart.
    private readonly string _prefix = $"tb:sign-in:{DatabaseChannels.DatabaseName(contextFactory)}:";

    /// <summary>
    /// Counts an attempt to sign in as <paramref name="email"/> from <paramref name="client"/> and returns
    /// zero, or refuses it uncounted and returns how long to wait first. When Redis cannot answer the
    /// attempt goes ahead: sign-in must not depend on the throttle's store.
    /// </summary>
    public async Task<TimeSpan> BeginAsync(string email, IPAddress? client)
    {
        var settings = options.Value;
        var keys = Keys(email, client);
        try
        {
            EnsureConnected();
            var waitMs = (long)await redis.GetDatabase().ScriptEvaluateAsync(
                BeginScript,
                [keys.Address, keys.Account, keys.Known],
                [
                    clock.GetUtcNow().ToUnixTimeMilliseconds(),
                    settings.FreeAttemptsPerAddress,
                    settings.FreeAttemptsPerAccount,
                    (long)settings.FirstDelay.TotalMilliseconds,
                    (long)settings.MaxDelayPerAddress.TotalMilliseconds,
                    (long)settings.MaxDelayPerAccount.TotalMilliseconds,
                    (long)settings.ForgetAfter.TotalMilliseconds,
                ]);
            return TimeSpan.FromMilliseconds(waitMs);
        }
        catch (Exception exception) when (RedisOutage.Is(exception))
        {
            LogUnavailable(logger, exception);
            return TimeSpan.Zero;
        }
    }

    /// <summary>The password was right: this address starts afresh and is known as the owner's.</summary>
    public async Task SucceededAsync(string email, IPAddress? client)
    {
        var keys = Keys(email, client);
        try
        {
            EnsureConnected();
            await redis.GetDatabase().ScriptEvaluateAsync(
                SucceededScript,
                [keys.Address, keys.Account, keys.Known],
                [(long)options.Value.KnownAddressLifetime.TotalMilliseconds]);
        }
        catch (Exception exception) when (RedisOutage.Is(exception))
        {
            LogUnavailable(logger, exception);
        }
    }

    /// <summary>Fails at once while Redis is away, rather than making the sign-in wait for the client's time-out.</summary>
    private void EnsureConnected()
    {
        if (!redis.IsConnected)
        {
            throw new RedisConnectionException(ConnectionFailureType.UnableToConnect, CommandFlags.None, "Redis is not connected.", null, CommandStatus.Unknown);
        }
    }

    private (RedisKey Address, RedisKey Account, RedisKey Known) Keys(string email, IPAddress? client)
    {
        // Hashed: the keys name no e-mail address, and an unknown e-mail is counted like a real one.
        var account = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(email.Trim().ToUpperInvariant())), 0, 16);
        var address = ClientNetwork.KeyOf(client);
        return ($"{_prefix}address:{account}:{address}", $"{_prefix}account:{account}", $"{_prefix}known:{account}:{address}");
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Redis is unavailable: sign-in attempts are not throttled meanwhile")]
    private static partial void LogUnavailable(ILogger logger, Exception exception);
}
