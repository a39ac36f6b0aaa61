namespace TicketBlue.Web.RateLimiting;

/// <summary>
/// Request limits per IP address and per account (section "RateLimits"), e.g.
/// <c>RateLimits:Holds:PerAccount:PermitLimit</c>. The defaults are sized for an on-sale day: a person
/// clicking as fast as the pages let them stays well under every one; a script repeating a request
/// several times a second does not. Per-IP limits are the looser ones, because many people share one
/// address (offices, PC방, mobile carriers).
/// </summary>
public sealed class RateLimitOptions
{
    public const string Section = "RateLimits";

    public ActionLimits SignUp { get; set; } = new() { PerIp = new(30, TimeSpan.FromHours(1)) };

    public ActionLimits SignIn { get; set; } = new() { PerIp = new(60, TimeSpan.FromMinutes(1)) };

    public ActionLimits Refresh { get; set; } = new() { PerIp = new(120, TimeSpan.FromMinutes(1)) };

    public ActionLimits Holds { get; set; } = new() { PerIp = new(600, TimeSpan.FromMinutes(1)), PerAccount = new(30, TimeSpan.FromMinutes(1)) };

    public ActionLimits Orders { get; set; } = new() { PerIp = new(300, TimeSpan.FromMinutes(1)), PerAccount = new(20, TimeSpan.FromMinutes(1)) };

    public ActionLimits Availability { get; set; } = new() { PerIp = new(600, TimeSpan.FromMinutes(1)) };

    public ActionLimits Queue { get; set; } = new() { PerIp = new(6_000, TimeSpan.FromMinutes(1)), PerAccount = new(60, TimeSpan.FromMinutes(1)) };

    public ActionLimits For(LimitedAction action) => action switch
    {
        LimitedAction.SignUp => SignUp,
        LimitedAction.SignIn => SignIn,
        LimitedAction.Refresh => Refresh,
        LimitedAction.Holds => Holds,
        LimitedAction.Orders => Orders,
        LimitedAction.Availability => Availability,
        LimitedAction.Queue => Queue,
        _ => throw new ArgumentOutOfRangeException(nameof(action), action, null),
    };

    /// <summary>The limit of one action and scope, or null when that one is off.</summary>
    public LimitWindow? For(LimitedAction action, LimitScope scope)
    {
        var limits = For(action);
        var window = scope == LimitScope.PerIp ? limits.PerIp : limits.PerAccount;
        return window is { PermitLimit: > 0 } ? window : null;
    }

    /// <summary>Every window is at least a second and at most a day, every limit zero (off) or more.</summary>
    public bool IsValid() => Enum.GetValues<LimitedAction>()
        .SelectMany(action => new[] { For(action).PerIp, For(action).PerAccount })
        .All(window => window is null || (window.PermitLimit >= 0 && window.Window >= TimeSpan.FromSeconds(1) && window.Window <= TimeSpan.FromDays(1)));
}

/// <summary>One action's limits: per IP address and per signed-in account; either may be absent (off).</summary>
public sealed class ActionLimits
{
    public LimitWindow? PerIp { get; set; }

    public LimitWindow? PerAccount { get; set; }
}

/// <summary>
/// <see cref="PermitLimit"/> requests at once, refilled evenly over <see cref="Window"/> (a token bucket:
/// 30 per minute lets 30 through together, then one every 2 seconds); 0 switches it off.
/// </summary>
public sealed class LimitWindow
{
    public LimitWindow()
    {
    }

    public LimitWindow(int permitLimit, TimeSpan window)
    {
        PermitLimit = permitLimit;
        Window = window;
    }

    public int PermitLimit { get; set; }

    public TimeSpan Window { get; set; } = TimeSpan.FromMinutes(1);
}
