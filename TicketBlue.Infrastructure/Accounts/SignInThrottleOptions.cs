namespace TicketBlue.Infrastructure.Accounts;

/// <summary>
/// How wrong passwords are slowed down (section "SignInThrottle"; ADR-003). Attempts are counted per
/// account and client address, and per account over all addresses; past the free attempts each further
/// one waits twice as long as the one before, from <see cref="FirstDelay"/> up to a ceiling. Nothing
/// locks: the per-account ceiling is short, and addresses the owner has signed in from skip it.
/// </summary>
public sealed class SignInThrottleOptions
{
    public const string Section = "SignInThrottle";

    /// <summary>Attempts from one address for one account before waiting starts (default 5).</summary>
    public int FreeAttemptsPerAddress { get; set; } = 5;

    /// <summary>Attempts for one account from all addresses together before new addresses wait too (default 20).</summary>
    public int FreeAttemptsPerAccount { get; set; } = 20;

    /// <summary>The first wait; each further attempt doubles it (default 2 s).</summary>
    public TimeSpan FirstDelay { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>The longest wait between two attempts from one address (default 15 min).</summary>
    public TimeSpan MaxDelayPerAddress { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>The longest wait the whole-account count imposes on a new address (default 1 min): it slows, never locks.</summary>
    public TimeSpan MaxDelayPerAccount { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Counts are forgotten after this long without an attempt (default 1 h; at least <see cref="MaxDelayPerAddress"/>).</summary>
    public TimeSpan ForgetAfter { get; set; } = TimeSpan.FromHours(1);

    /// <summary>How long an address the owner signed in from skips the whole-account count (default 30 days).</summary>
    public TimeSpan KnownAddressLifetime { get; set; } = TimeSpan.FromDays(30);

    public bool IsValid() =>
        FreeAttemptsPerAddress >= 1 && FreeAttemptsPerAccount >= FreeAttemptsPerAddress
        && FirstDelay > TimeSpan.Zero && MaxDelayPerAddress >= FirstDelay && MaxDelayPerAccount >= FirstDelay
        && ForgetAfter >= MaxDelayPerAddress && ForgetAfter >= MaxDelayPerAccount && KnownAddressLifetime > TimeSpan.Zero;
}
