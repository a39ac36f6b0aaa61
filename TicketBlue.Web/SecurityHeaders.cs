using Microsoft.Extensions.Options;
using TicketBlue.Web.Features.Checkout;

namespace TicketBlue.Web;

/// <summary>
/// Headers every response carries: the referrer sent to other sites is only our origin (links with a
/// confirmation or reset token in their query never leak it), files are never sniffed into another type,
/// and a content security policy lets the pages run only our scripts and the Toss payment window's.
/// MudBlazor styles elements inline, so inline styles are allowed; inline scripts are not.
/// Hangfire's dashboard (<c>/admin/jobs</c>, admins only) brings its own pages and is left to its defaults.
/// </summary>
public static class SecurityHeaders
{
    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app)
    {
        var policy = ContentSecurityPolicy(app.ApplicationServices.GetRequiredService<IOptions<TossClientOptions>>().Value);
        return app.Use((context, next) =>
        {
            context.Response.OnStarting(() =>
            {
                var headers = context.Response.Headers;
                headers["Referrer-Policy"] = "strict-origin-when-cross-origin";
                headers.XContentTypeOptions = "nosniff";
                if (!context.Request.Path.StartsWithSegments("/admin/jobs", StringComparison.OrdinalIgnoreCase))
                {
                    // Replaces Blazor's own frame-ancestors-only policy: this one says the same and more.
                    headers.ContentSecurityPolicy = policy;
                }

                return Task.CompletedTask;
            });
            return next(context);
        });
    }

    /// <summary>The policy for our pages; the Toss SDK's origin comes from its configured address.</summary>
    public static string ContentSecurityPolicy(TossClientOptions toss)
    {
        ArgumentNullException.ThrowIfNull(toss);
        var tossOrigin = Uri.TryCreate(toss.SdkUrl, UriKind.Absolute, out var sdk) ? sdk.GetLeftPart(UriPartial.Authority) : string.Empty;
        return string.Join("; ",
            "default-src 'self'",
            $"script-src 'self' {tossOrigin}".TrimEnd(),
            "style-src 'self' 'unsafe-inline'",
            "img-src 'self' data: blob: https:",
            "font-src 'self' data:",
            "connect-src 'self' https://*.tosspayments.com",
            "frame-src https://*.tosspayments.com",
            "form-action 'self' https://*.tosspayments.com",
            "frame-ancestors 'self'",
            "base-uri 'self'",
            "object-src 'none'");
    }
}
