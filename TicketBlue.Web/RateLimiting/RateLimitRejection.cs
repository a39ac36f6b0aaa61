using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Localization;
using TicketBlue.Web.Api;
using TicketBlue.Web.Components.Pages;

namespace TicketBlue.Web.RateLimiting;

/// <summary>
/// What a refused request gets (the middleware has already set 429): a <c>Retry-After</c> header, and
/// for the API a problem with the stable code <c>rate.limited</c>, for the pages a short page in the
/// visitor's language saying how long to wait.
/// </summary>
internal static class RateLimitRejection
{
    public const string Code = "rate.limited";

    /// <summary>The wait when a limiter says nothing (token buckets always say).</summary>
    private static readonly TimeSpan FallbackWait = TimeSpan.FromSeconds(10);

    public static async ValueTask WriteAsync(OnRejectedContext rejected, CancellationToken _)
    {
        var http = rejected.HttpContext;
        var wait = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) ? retryAfter : FallbackWait;
        RetryAfterHeader.Set(http.Response, wait);

        if (ApiProblems.IsApiRequest(http))
        {
            var detail = ApiProblems.Message(Code, RetryAfterHeader.Seconds(wait));
            await http.RequestServices.GetRequiredService<ApiProblems>()
                .Create(StatusCodes.Status429TooManyRequests, Code, detail)
                .ExecuteAsync(http);
            return;
        }

        var page = new RazorComponentResult<TooManyRequestsPage>(new { Wait = TimeSpan.FromSeconds(RetryAfterHeader.Seconds(wait)) })
        {
            StatusCode = StatusCodes.Status429TooManyRequests,
        };
        await page.ExecuteAsync(http);
    }
}
