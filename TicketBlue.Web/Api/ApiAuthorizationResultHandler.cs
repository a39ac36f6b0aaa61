using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Policy;

namespace TicketBlue.Web.Api;

/// <summary>
/// Refusals by the authorization middleware come with an empty body, which the pages' status code
/// pages would turn into HTML. Under <c>/api</c> the challenge (401 with <c>WWW-Authenticate</c>)
/// or forbid still happens as usual, and a problem body is written after it.
/// </summary>
internal sealed class ApiAuthorizationResultHandler(ApiProblems problems) : IAuthorizationMiddlewareResultHandler
{
    private readonly AuthorizationMiddlewareResultHandler _default = new();

    public async Task HandleAsync(RequestDelegate next, HttpContext context, AuthorizationPolicy policy, PolicyAuthorizationResult authorizeResult)
    {
        await _default.HandleAsync(next, context, policy, authorizeResult);
        if ((!authorizeResult.Challenged && !authorizeResult.Forbidden) || !ApiProblems.IsApiRequest(context) || context.Response.HasStarted)
        {
            return;
        }

        var problem = authorizeResult.Challenged
            ? problems.Create(StatusCodes.Status401Unauthorized, ApiErrorCodes.AuthRequired)
            : problems.Create(StatusCodes.Status403Forbidden, ApiErrorCodes.AuthForbidden);
        await problem.ExecuteAsync(context);
    }
}
