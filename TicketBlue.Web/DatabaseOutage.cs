using System.Globalization;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.Extensions.Options;
using TicketBlue.Infrastructure.Persistence;

namespace TicketBlue.Web;

/// <summary>
/// A request that failed because MariaDB cannot be reached (primary down) answers 503 "잠시 후 다시 시도해 주세요"
/// with Retry-After — a page for people, a problem for the API — instead of a 500 or a long wait.
/// </summary>
public static class DatabaseOutage
{
    /// <summary>The exception handler's status: 503 for an outage, 500 for anything else.</summary>
    public static int StatusCodeFor(Exception exception) =>
        DatabaseUnavailableException.IsOutage(exception) ? StatusCodes.Status503ServiceUnavailable : StatusCodes.Status500InternalServerError;

    /// <summary>Whether the error being shown (re-executed by the exception handler) is an outage.</summary>
    public static bool IsShowing(HttpContext? context) =>
        DatabaseUnavailableException.IsOutage(context?.Features.Get<IExceptionHandlerFeature>()?.Error);

    /// <summary>Retry after the database circuit's break (whole seconds).</summary>
    public static string RetryAfterSeconds(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var breakFor = context.RequestServices.GetRequiredService<IOptions<DatabaseOptions>>().Value.BreakFor;
        return Math.Max(1, (int)Math.Ceiling(breakFor.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
    }
}
