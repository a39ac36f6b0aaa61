using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using TicketBlue.Infrastructure.Observability;

namespace TicketBlue.Infrastructure.Persistence.Replication;

/// <summary>Reads on the MariaDB replica with fallback to the primary (ADR-011).</summary>
public static class ReplicationServices
{
    /// <param name="primaryConnectionString">The app's primary connection string, as the app uses it.</param>
    public static void AddReplicaReads(this IHostApplicationBuilder builder, string primaryConnectionString)
    {
        builder.Services.AddOptions<ReplicaOptions>()
            .Bind(builder.Configuration.GetSection(ReplicaOptions.Section))
            .Validate(options => options.IsValid(), "Replica: MaxLag ≥ 1 s, CheckInterval 100 ms–1 min, ConnectTimeout 1–30 s, CatchUpTimeout over 0 and ≤ 10 s.")
            .ValidateOnStart();
        var replica = builder.Configuration.GetConnectionString("TicketBlueReplica");
        builder.Services.AddSingleton(provider =>
            new ReplicaConnections(primaryConnectionString, replica, provider.GetRequiredService<IOptions<ReplicaOptions>>().Value));
        builder.Services.AddSingleton(provider => new ReplicaStatus(provider.GetRequiredService<ReplicaConnections>().Replica is not null));
        // The metrics' replica gauges read this node's view (ahead of the metrics' no-replica default).
        builder.Services.AddSingleton<IReplicaLagSource>(provider => provider.GetRequiredService<ReplicaStatus>());
        builder.Services.AddSingleton<ReplicaProbe>();
        builder.Services.AddSingleton<ReplicaCatchUp>();
        builder.Services.AddSingleton<ReplicaMonitor>();
        builder.Services.AddHostedService(provider => provider.GetRequiredService<ReplicaMonitor>());
        builder.Services.AddSingleton<ReadDbContextFactory>();
        builder.Services.AddKeyedSingleton<IDbContextFactory<TicketBlueDbContext>>(
            ReadDbContextFactory.Key, (provider, _) => provider.GetRequiredService<ReadDbContextFactory>());
        builder.Services.AddHealthChecks().AddCheck<ReplicaHealthCheck>("mariadb-replica", tags: ["ready"]);
    }
}
