using System.Globalization;

namespace TicketBlue.Web.RateLimiting;

/// <summary>The <c>Retry-After</c> header in whole seconds (RFC 9110 §10.2.3), rounded up so a client that obeys it is never early.</summary>
public static class RetryAfterHeader
{
    public static int Seconds(TimeSpan wait) => Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds));

    public static void Set(HttpResponse response, TimeSpan wait) =>
        response.Headers.RetryAfter = Seconds(wait).ToString(CultureInfo.InvariantCulture);
}
