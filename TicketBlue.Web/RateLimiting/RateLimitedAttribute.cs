namespace TicketBlue.Web.RateLimiting;

/// <summary>
/// Endpoint metadata: requests to this endpoint count towards <see cref="Action"/>'s limits per IP
/// address and per account (<see cref="RequestLimiters"/>). On a Razor page it counts only form posts,
/// so looking at the sign-in page is never limited, signing in is.
/// </summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Method, AllowMultiple = false)]
public sealed class RateLimitedAttribute(LimitedAction action) : Attribute
{
    public LimitedAction Action { get; } = action;

    /// <summary>Count only requests that post a form (POST), not reading the page.</summary>
    public bool FormPostsOnly { get; init; }
}
