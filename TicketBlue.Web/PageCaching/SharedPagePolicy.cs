using System.Globalization;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Extensions.Options;
using TicketBlue.Infrastructure.Caching;

namespace TicketBlue.Web.PageCaching;

/// <summary>
/// Output caching of a rendered page for anonymous visitors (ADR-005, "Shared pages"). A page is
/// looked up and kept only when:
/// <list type="bullet">
/// <item>the visitor is anonymous and asks with GET or HEAD (signed-in pages carry a name and a sign-out form);</item>
/// <item>the cache is on and Redis answers for the version tokens, which are part of the key together
/// with the path, the whole query and the culture;</item>
/// <item>the answer is 200 and sets no cookie — a fresh antiforgery cookie must never be handed to
/// everyone (the next visitor who already has one stores the page);</item>
/// <item>for a performance page, the page said how long it stays exact (<see cref="PageFreshness"/>):
/// it is kept until the next sales opening or closing, round start or hold running out, at most
/// <see cref="CacheOptions.PageTtl"/>.</item>
/// </list>
/// Concurrent misses for one key wait for one render (the middleware's locking), so an on-sale rush
/// on a show page renders it once per change rather than once per visitor.
/// </summary>
public sealed class SharedPagePolicy(SharedPageKind kind) : IOutputCachePolicy
{
    public SharedPageKind Kind => kind;

    public async ValueTask CacheRequestAsync(OutputCacheContext context, CancellationToken cancellation)
    {
        var http = context.HttpContext;
        var options = http.RequestServices.GetRequiredService<IOptions<CacheOptions>>().Value;
        if (!options.Enabled || !IsAnonymousRead(http.Request, http.User))
        {
            return;
        }

        var version = await http.RequestServices.GetRequiredService<SharedPageVersions>().GetAsync(kind, http, cancellation);
        if (version is null)
        {
            return;
        }

        context.EnableOutputCaching = true;
        context.AllowCacheLookup = true;
        context.AllowCacheStorage = true;
        context.AllowLocking = true;
        context.ResponseExpirationTimeSpan = options.PageTtl;
        context.CacheVaryByRules.QueryKeys = "*";
        context.CacheVaryByRules.VaryByValues["culture"] = CultureInfo.CurrentUICulture.Name;
        context.CacheVaryByRules.VaryByValues["version"] = version;
    }

    public ValueTask ServeFromCacheAsync(OutputCacheContext context, CancellationToken cancellation) => ValueTask.CompletedTask;

    public ValueTask ServeResponseAsync(OutputCacheContext context, CancellationToken cancellation)
    {
        var http = context.HttpContext;
        if (http.Response.StatusCode != StatusCodes.Status200OK || http.Response.Headers.SetCookie.Count > 0)
        {
            context.AllowCacheStorage = false;
            return ValueTask.CompletedTask;
        }

        if (kind == SharedPageKind.Performance)
        {
            // Set to Cache:PageTtl when the request was let in (this is only called then).
            var ceiling = context.ResponseExpirationTimeSpan.GetValueOrDefault();
            var now = http.RequestServices.GetRequiredService<TimeProvider>().GetUtcNow();
            if (http.RequestServices.GetRequiredService<PageFreshness>().KeepFor(now, ceiling) is { } keep)
            {
                context.ResponseExpirationTimeSpan = keep;
            }
            else
            {
                context.AllowCacheStorage = false;
            }
        }

        return ValueTask.CompletedTask;
    }

    /// <summary>A read any anonymous visitor would get the same answer to.</summary>
    public static bool IsAnonymousRead(HttpRequest request, System.Security.Claims.ClaimsPrincipal user) =>
        (HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method))
        && user.Identity?.IsAuthenticated != true
        && !request.Headers.ContainsKey(Microsoft.Net.Http.Headers.HeaderNames.Authorization);
}
