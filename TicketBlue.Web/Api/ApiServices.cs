using Microsoft.AspNetCore.Authentication.BearerToken;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using TicketBlue.Web.Api;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>
/// Registers the programs' HTTP API: Identity bearer tokens next to the pages' cookies, a policy
/// that accepts only bearer tokens, RFC 9457 problems for every API error, and the OpenAPI document.
/// </summary>
public static class ApiServices
{
    public static IServiceCollection AddBookingApi(this IServiceCollection services)
    {
        // Bearer tokens are Identity's own (data-protected, keys shared through Redis), so any app node
        // accepts a token another node issued. Cookies stay the default scheme for the pages.
        services.AddAuthentication().AddBearerToken(IdentityConstants.BearerScheme);
        services.AddOptions<BearerTokenOptions>(IdentityConstants.BearerScheme)
            .PostConfigure<TimeProvider>((options, clock) => options.BearerTokenProtector = new CachedBearerTickets(options.BearerTokenProtector, clock));
        services.AddAuthorizationBuilder()
            .AddPolicy(ApiPolicies.Bearer, policy => policy
                .AddAuthenticationSchemes(IdentityConstants.BearerScheme)
                .RequireAuthenticatedUser());

        services.AddSingleton<ApiProblems>();
        services.AddSingleton<AvailabilityJson>();
        services.AddSingleton<TicketBlue.Web.Api.Idempotency.IdempotentRequests>();
        services.AddProblemDetails(options => options.CustomizeProblemDetails =
            context => context.HttpContext.RequestServices.GetRequiredService<ApiProblems>().Complete(context));
        services.AddExceptionHandler<ApiExceptionHandler>();
        services.AddSingleton<IAuthorizationMiddlewareResultHandler, ApiAuthorizationResultHandler>();

        services.AddOpenApi(ApiDocument.Name, ApiDocument.Configure);
        return services;
    }
}
