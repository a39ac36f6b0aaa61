using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;
using TicketBlue.Infrastructure.Accounts;

namespace TicketBlue.Web.Observability;

/// <summary>
/// <c>/metrics</c> is for operators: a signed-in admin (cookie) or a scraper with the configured token
/// (<see cref="MetricsOptions.ScrapeToken"/>). Everyone else gets 401 before any metric is collected. Loopback is not
/// trusted by itself: behind a proxy on the same host every request comes from loopback.
/// </summary>
public static class MetricsAccess
{
    public const string Path = "/metrics";

    public static void UseMetricsAccess(this IApplicationBuilder app) =>
        app.UseWhen(
            context => context.Request.Path.StartsWithSegments(Path, StringComparison.OrdinalIgnoreCase),
            branch => branch.Use(async (context, next) =>
            {
                var options = context.RequestServices.GetRequiredService<IOptions<MetricsOptions>>().Value;
                if (!Allows(context, options))
                {
                    context.Response.StatusCode = StatusCodes.Status401Unauthorized;
                    context.Response.Headers.WWWAuthenticate = "Bearer";
                    await context.Response.WriteAsync("Operators only.");
                    return;
                }

                await next(context);
            }));

    public static bool Allows(HttpContext context, MetricsOptions options)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(options);
        if (context.User.IsInRole(Roles.Admin))
        {
            return true;
        }

        var token = options.ScrapeToken?.Trim();
        var header = context.Request.Headers[HeaderNames.Authorization].ToString();
        const string scheme = "Bearer ";
        if (string.IsNullOrEmpty(token) || !header.StartsWith(scheme, StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        return CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(header[scheme.Length..].Trim()), Encoding.UTF8.GetBytes(token));
    }
}
