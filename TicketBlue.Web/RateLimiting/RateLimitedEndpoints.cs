using Microsoft.AspNetCore.Mvc;

namespace TicketBlue.Web.RateLimiting;

/// <summary>Puts an endpoint (or a group of them) under an action's request limits, and says so in the OpenAPI document.</summary>
public static class RateLimitedEndpoints
{
    public static TBuilder RequireRateLimit<TBuilder>(this TBuilder builder, LimitedAction action)
        where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(
            new RateLimitedAttribute(action),
            new ProducesResponseTypeMetadata(StatusCodes.Status429TooManyRequests, typeof(ProblemDetails), ["application/problem+json"]));
}
