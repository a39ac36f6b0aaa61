using Microsoft.AspNetCore.Diagnostics;
using TicketBlue.Infrastructure.Persistence;

namespace TicketBlue.Web.Api;

/// <summary>
/// An exception in an API request becomes a problem instead of the pages' HTML error page: 400
/// <c>request.invalid</c> for a request the framework could not read, otherwise 500
/// <c>server.error</c> with nothing of the exception shown (the middleware has already logged it); 503
/// <c>service.unavailable</c> with Retry-After when MariaDB cannot be reached.
/// </summary>
internal sealed class ApiExceptionHandler(ApiProblems problems) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (!ApiProblems.IsApiRequest(httpContext))
        {
            return false;
        }

        if (DatabaseUnavailableException.IsOutage(exception))
        {
            httpContext.Response.Headers.RetryAfter = DatabaseOutage.RetryAfterSeconds(httpContext);
            await problems.Create(StatusCodes.Status503ServiceUnavailable, ApiErrorCodes.ServiceUnavailable).ExecuteAsync(httpContext);
            return true;
        }

        var problem = exception is BadHttpRequestException badRequest && badRequest.StatusCode < StatusCodes.Status500InternalServerError
            ? problems.Create(badRequest.StatusCode, ApiErrorCodes.ForStatus(badRequest.StatusCode))
            : problems.Create(StatusCodes.Status500InternalServerError, ApiErrorCodes.ServerError);
        await problem.ExecuteAsync(httpContext);
        return true;
    }
}
