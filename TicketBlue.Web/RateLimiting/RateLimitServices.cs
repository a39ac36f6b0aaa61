using Microsoft.AspNetCore.RateLimiting;
using TicketBlue.Web.RateLimiting;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>
/// Registers ASP.NET Core's rate limiting with TicketBlue's limits (section "RateLimits"): a global
/// limiter that counts only endpoints marked <see cref="RateLimitedAttribute"/>, per IP address and per
/// account, answering 429 with Retry-After.
/// </summary>
public static class RateLimitServices
{
    public static IServiceCollection AddRequestLimits(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<RateLimitOptions>()
            .Bind(configuration.GetSection(RateLimitOptions.Section))
            .Validate(options => options.IsValid(), "RateLimits: every PermitLimit is 0 (off) or more, every Window between 1 second and 1 day.")
            .ValidateOnStart();
        services.AddSingleton<RequestLimiters>();
        services.AddRateLimiter(options =>
        {
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.OnRejected = RateLimitRejection.WriteAsync;
        });
        services.AddOptions<RateLimiterOptions>()
            .Configure<RequestLimiters>((options, limiters) => options.GlobalLimiter = limiters.ForRequests());
        return services;
    }
}
