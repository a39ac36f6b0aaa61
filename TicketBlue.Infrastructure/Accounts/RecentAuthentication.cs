using System.Globalization;
using StackExchange.Redis;

namespace TicketBlue.Infrastructure.Accounts;

/// <summary>
/// "This person proved who they are a moment ago" (ASVS 3.7.1): set after the password is typed again
/// (and later by a Kakao re-authentication), read before a sensitive step such as withdrawal. Valid for
/// <see cref="ValidFor"/> after <see cref="MarkAsync"/>, by <see cref="TimeProvider"/>; kept in Redis so any
/// node can read it, and forgotten by Redis shortly after. Cleared once the step is done.
/// </summary>
public sealed class RecentAuthentication(IConnectionMultiplexer redis, TimeProvider clock)
{
    public static readonly TimeSpan ValidFor = TimeSpan.FromMinutes(5);

    public Task MarkAsync(string userId) =>
        redis.GetDatabase().StringSetAsync(Key(userId), clock.GetUtcNow().ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture), ValidFor + TimeSpan.FromMinutes(1));

    public async Task<bool> IsRecentAsync(string userId)
    {
        var value = await redis.GetDatabase().StringGetAsync(Key(userId));
        if (!value.HasValue || !long.TryParse(value.ToString(), NumberStyles.None, CultureInfo.InvariantCulture, out var markedMs))
        {
            return false;
        }

        var age = clock.GetUtcNow() - DateTimeOffset.FromUnixTimeMilliseconds(markedMs);
        return age >= TimeSpan.Zero && age < ValidFor;
    }

    public Task ClearAsync(string userId) => redis.GetDatabase().KeyDeleteAsync(Key(userId));

    private static RedisKey Key(string userId) => $"tb:reauth:{userId}";
}
