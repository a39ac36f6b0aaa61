using TicketBlue.Web.PageCaching;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers output caching of the pages anonymous visitors share (ADR-005, "Shared pages").</summary>
public static class SharedPageServices
{
    /// <summary>Rendered pages kept in this node's memory: their keys carry Redis version tokens, so every node drops them at once.</summary>
    public const long MemoryLimitBytes = 256L * 1024 * 1024;

    public static IServiceCollection AddSharedPageCache(this IServiceCollection services)
    {
        services.AddScoped<PageFreshness>();
        services.AddSingleton<SharedPageVersions>();
        services.AddOutputCache(options =>
        {
            options.SizeLimit = MemoryLimitBytes;
            options.AddPolicy(SharedPagePolicies.Performance, new SharedPagePolicy(SharedPageKind.Performance));
            options.AddPolicy(SharedPagePolicies.Search, new SharedPagePolicy(SharedPageKind.Search));
        });
        return services;
    }
}
