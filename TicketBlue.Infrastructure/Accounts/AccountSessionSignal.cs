using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using StackExchange.Redis;
using TicketBlue.Infrastructure.Caching;

namespace TicketBlue.Infrastructure.Accounts;

/// <summary>
/// A cheap "did this account change?" for open customer circuits (issue 16: a password change, withdrawal
/// or dormancy reaches open pages within a minute). When an account's security stamp is rotated, or it
/// becomes dormant or is removed, its newest stamp (or <see cref="Revoked"/>) is written to Redis for
/// <see cref="KeptFor"/>. Each minute an open circuit compares its own stamp with that one key (one Redis
/// GET, no database query); only a differing value sends it to the full database check. Older changes are
/// caught by the circuits' 30-minute full check, so the keys need not live longer.
/// </summary>
public sealed partial class AccountSessionSignal(
    IConnectionMultiplexer redis,
    IOptions<IdentityOptions> identityOptions,
    ILogger<AccountSessionSignal> logger)
{
    /// <summary>The value for a change without a new stamp of its own (dormancy by SQL, deletion).</summary>
    public const string Revoked = "revoked";

    /// <summary>Longer than the circuits' full check (30 minutes), which covers anything older.</summary>
    public static readonly TimeSpan KeptFor = TimeSpan.FromMinutes(31);

    /// <summary>Records the accounts' new stamps (<see cref="Revoked"/> where there is none).</summary>
    public async Task ChangedAsync(IReadOnlyCollection<KeyValuePair<string, string>> stampsByUserId)
    {
        ArgumentNullException.ThrowIfNull(stampsByUserId);
        if (stampsByUserId.Count == 0)
        {
            return;
        }

        try
        {
            var database = redis.GetDatabase();
            await Task.WhenAll(stampsByUserId.Select(change => database.StringSetAsync(Key(change.Key), change.Value, KeptFor)));
        }
        catch (Exception exception) when (RedisOutage.Is(exception))
        {
            // The change itself is saved; open circuits still meet it at their 30-minute check, requests within a minute.
            LogNotSignalled(exception, stampsByUserId.Count);
        }
    }

    /// <summary>Records that the accounts changed without a stamp to compare (dormancy, removal).</summary>
    public Task RevokedAsync(IEnumerable<string> userIds) =>
        ChangedAsync(userIds.Select(id => KeyValuePair.Create(id, Revoked)).ToList());

    /// <summary>
    /// True when the account of <paramref name="principal"/> changed lately to a stamp other than the one its
    /// session carries. False when nothing is known (also while Redis cannot be reached).
    /// </summary>
    public async Task<bool> HasChangedAsync(ClaimsPrincipal principal)
    {
        ArgumentNullException.ThrowIfNull(principal);
        var claims = identityOptions.Value.ClaimsIdentity;
        var userId = principal.FindFirstValue(claims.UserIdClaimType);
        if (userId is null)
        {
            return false;
        }

        try
        {
            var latest = await redis.GetDatabase().StringGetAsync(Key(userId));
            return latest.HasValue && latest.ToString() != principal.FindFirstValue(claims.SecurityStampClaimType);
        }
        catch (Exception exception) when (RedisOutage.Is(exception))
        {
            LogNotRead(exception);
            return false;
        }
    }

    private static RedisKey Key(string userId) => $"tb:account-stamp:{userId}";

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not signal {Count} changed accounts to open circuits")]
    private partial void LogNotSignalled(Exception exception, int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not read an account's change signal")]
    private partial void LogNotRead(Exception exception);
}
