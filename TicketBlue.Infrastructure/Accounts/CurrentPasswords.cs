using System.Net;
using Microsoft.AspNetCore.Identity;

namespace TicketBlue.Infrastructure.Accounts;

/// <summary>What typing the current password again came to.</summary>
public enum PasswordCheckOutcome
{
    Right,
    Wrong,

    /// <summary>Too many wrong ones lately: not checked, <see cref="PasswordCheck.RetryAfter"/> first.</summary>
    Throttled,
}

public sealed record PasswordCheck(PasswordCheckOutcome Outcome, TimeSpan RetryAfter = default);

/// <summary>
/// The current password typed again inside the account (내 정보's password change, withdrawal's
/// re-authentication) is counted like a sign-in attempt, by the same <see cref="SignInThrottle"/> and its
/// counts: a stolen session cannot guess the password there faster than at the sign-in form (issue 16).
/// </summary>
public sealed class CurrentPasswords(UserManager<ApplicationUser> users, SignInThrottle throttle)
{
    /// <summary>Counts the attempt; a wait above zero means it must not be checked now.</summary>
    public Task<TimeSpan> BeginAsync(ApplicationUser user, IPAddress? client) => throttle.BeginAsync(CountedAs(user), client);

    /// <summary>The password was right: the count starts afresh, as after a sign-in.</summary>
    public Task SucceededAsync(ApplicationUser user, IPAddress? client) => throttle.SucceededAsync(CountedAs(user), client);

    public async Task<PasswordCheck> CheckAsync(ApplicationUser user, string password, IPAddress? client)
    {
        ArgumentNullException.ThrowIfNull(user);
        var wait = await BeginAsync(user, client);
        if (wait > TimeSpan.Zero)
        {
            return new PasswordCheck(PasswordCheckOutcome.Throttled, wait);
        }

        if (!await users.CheckPasswordAsync(user, password))
        {
            return new PasswordCheck(PasswordCheckOutcome.Wrong);
        }

        await SucceededAsync(user, client);
        return new PasswordCheck(PasswordCheckOutcome.Right);
    }

    // The sign-in form counts by e-mail; an account without one (none reach here today) by its id.
    private static string CountedAs(ApplicationUser user) => user.Email ?? $"id:{user.Id}";
}
