namespace TicketBlue.Domain.Accounts;

/// <summary>
/// How long a staff member's session (admins and gate staff) may last (ASVS 3.3.2, level 2): at most
/// <see cref="AbsoluteLifetime"/> after signing in, however busy, and no longer than <see cref="IdleLimit"/>
/// after the last thing they did, whether that was a page request or a click in a live circuit. Account
/// changes (role removed, dormancy, a new password) are looked at every <see cref="RecheckEvery"/>.
/// Customers' sessions are not bound by this policy.
/// </summary>
public static class StaffSessionPolicy
{
    public static readonly TimeSpan AbsoluteLifetime = TimeSpan.FromHours(12);

    public static readonly TimeSpan IdleLimit = TimeSpan.FromMinutes(30);

    public static readonly TimeSpan RecheckEvery = TimeSpan.FromMinutes(1);

    /// <summary>True while a session that began at <paramref name="signedInAt"/> may still be used at <paramref name="now"/>.</summary>
    public static bool IsWithinLifetime(DateTimeOffset signedInAt, DateTimeOffset now) =>
        now >= signedInAt && now - signedInAt <= AbsoluteLifetime;

    /// <summary>True while the last activity at <paramref name="lastActivity"/> is recent enough at <paramref name="now"/>.</summary>
    public static bool IsActive(DateTimeOffset lastActivity, DateTimeOffset now) =>
        now - lastActivity <= IdleLimit;
}
