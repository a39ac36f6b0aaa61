using System.Security.Claims;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using TicketBlue.Infrastructure.Accounts;

namespace TicketBlue.Web.RateLimiting;

/// <summary>
/// The node's request limits: one token bucket per action, scope and caller (an IP address or an account
/// id), all in one partitioned limiter from System.Threading.RateLimiting. A bucket holds PermitLimit
/// requests and refills evenly over Window, so a burst is fine, a steady stream over the rate is not, and
/// a refused request learns exactly when the next one will be let through (Retry-After). ASP.NET Core's
/// rate-limiting middleware uses it for HTTP requests (<see cref="ForRequests"/>, both scopes chained);
/// the seat page, whose hold commands are not HTTP requests, asks it directly
/// (<see cref="AttemptAcquire"/>), so an account's holds count the same on the API and on the page.
/// Counts are per node: nginx keeps a client on one node, and a limit meant for scripts needs no
/// agreement between nodes to stop them.
/// </summary>
public sealed class RequestLimiters : IDisposable
{
    private static LimitKey Unlimited => default;

    private readonly PartitionedRateLimiter<LimitKey> _limiter;
    private readonly RateLimitOptions _options;
    private readonly string _userIdClaim;

    public RequestLimiters(IOptions<RateLimitOptions> options, IOptions<IdentityOptions> identity)
    {
        _options = options.Value;
        _userIdClaim = identity.Value.ClaimsIdentity.UserIdClaimType;
        _limiter = PartitionedRateLimiter.Create<LimitKey, LimitKey>(Partition);
    }

    /// <summary>Counts one of the account's requests for <paramref name="action"/>; a refused lease carries the wait.</summary>
    public RateLimitLease AttemptAcquire(LimitedAction action, string userId) =>
        _limiter.AttemptAcquire(new LimitKey(action, LimitScope.PerAccount, userId));

    /// <summary>
    /// For pages whose commands are not HTTP requests: counts one of the account's requests for
    /// <paramref name="action"/>, or says how long to wait when it is over the limit.
    /// </summary>
    public bool TryAcquire(LimitedAction action, string userId, out TimeSpan retryAfter)
    {
        using var lease = AttemptAcquire(action, userId);
        retryAfter = lease.IsAcquired ? TimeSpan.Zero
            : lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait
            : TimeSpan.FromSeconds(1);
        return lease.IsAcquired;
    }

    /// <summary>
    /// The limiter for the middleware: a request to an endpoint marked <see cref="RateLimitedAttribute"/>
    /// counts once against its IP address and once against its account (when signed in); either may refuse.
    /// </summary>
    public PartitionedRateLimiter<HttpContext> ForRequests() => PartitionedRateLimiter.CreateChained(
        _limiter.WithTranslatedKey<HttpContext>(context => KeyOf(context, LimitScope.PerIp), leaveOpen: true),
        _limiter.WithTranslatedKey<HttpContext>(context => KeyOf(context, LimitScope.PerAccount), leaveOpen: true));

    public void Dispose() => _limiter.Dispose();

    private LimitKey KeyOf(HttpContext context, LimitScope scope)
    {
        var limited = context.GetEndpoint()?.Metadata.GetMetadata<RateLimitedAttribute>();
        if (limited is null || (limited.FormPostsOnly && !HttpMethods.IsPost(context.Request.Method)))
        {
            return Unlimited;
        }

        // The address is the client's own once the forwarded headers of a known proxy are applied
        // (WebPipeline): a client cannot pick its partition by sending X-Forwarded-For itself. IPv6
        // counts per /64, which one client may fill with addresses of its choice.
        var caller = scope == LimitScope.PerIp
            ? ClientNetwork.KeyOf(context.Connection.RemoteIpAddress)
            : context.User.Identity?.IsAuthenticated == true ? context.User.FindFirstValue(_userIdClaim) : null;
        return caller is null ? Unlimited : new LimitKey(limited.Action, scope, caller);
    }

    private RateLimitPartition<LimitKey> Partition(LimitKey key)
    {
        if (key.Caller is null || _options.For(key.Action, key.Scope) is not { } window)
        {
            return RateLimitPartition.GetNoLimiter(Unlimited);
        }

        return RateLimitPartition.GetTokenBucketLimiter(key, _ => new TokenBucketRateLimiterOptions
        {
            TokenLimit = window.PermitLimit,
            TokensPerPeriod = 1,
            ReplenishmentPeriod = TimeSpan.FromTicks(Math.Max(1, window.Window.Ticks / window.PermitLimit)),
            QueueLimit = 0,
        });
    }

    /// <summary>One counter: an action, whom it counts, and who that is (default: not limited).</summary>
    private readonly record struct LimitKey(LimitedAction Action, LimitScope Scope, string? Caller);
}
