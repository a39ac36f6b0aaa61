using Microsoft.Extensions.DependencyInjection.Extensions;
using TicketBlue.Infrastructure.Observability;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the business metrics once, whichever part of the infrastructure asks first.</summary>
public static class MetricsServices
{
    /// <summary>
    /// <see cref="TicketBlueMetrics"/> with stand-ins for the levels it reads: the search index and a read replica
    /// register the real sources (registered later, they win), a host without them shows no lag.
    /// </summary>
    public static IServiceCollection AddBusinessMetrics(this IServiceCollection services)
    {
        services.AddMetrics();
        services.TryAddSingleton<IReplicaLagSource, NoReplica>();
        services.TryAddSingleton<ISearchIndexLagSource, NoSearchIndex>();
        services.TryAddSingleton<TicketBlueMetrics>();
        return services;
    }
}
