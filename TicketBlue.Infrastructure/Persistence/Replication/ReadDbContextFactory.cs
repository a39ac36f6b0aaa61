using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace TicketBlue.Infrastructure.Persistence.Replication;

/// <summary>
/// Contexts for read-only work that may be a moment behind the latest write (catalogue pages, admin
/// reservation search and exports, reports), registered as the keyed service <see cref="Key"/>: a consumer
/// asks for it with <c>[FromKeyedServices(ReadDbContextFactory.Key)] IDbContextFactory&lt;TicketBlueDbContext&gt;</c>.
/// Never save through one. Bookings, payments and anything that must see its own write use the ordinary,
/// unkeyed factory (the primary).
/// <para>
/// Routes each new read context: the replica while <see cref="ReplicaStatus.IsUsable"/>, the primary's
/// factory otherwise. A replica context moves itself to the primary when a statement on the replica fails
/// (<see cref="ReplicaFailoverExecutionStrategy"/>), so a replica that dies between two checks fails no read.
/// </para>
/// </summary>
public sealed class ReadDbContextFactory : IDbContextFactory<TicketBlueDbContext>
{
    /// <summary>The service key of the read factory.</summary>
    public const string Key = "reads";

    private readonly IDbContextFactory<TicketBlueDbContext> _primary;
    private readonly ReplicaStatus _status;
    private readonly DbContextOptions<TicketBlueDbContext>? _replicaOptions;

    public ReadDbContextFactory(
        IDbContextFactory<TicketBlueDbContext> primary,
        ReplicaStatus status,
        ReplicaConnections connections,
        ILoggerFactory loggerFactory)
    {
        ArgumentNullException.ThrowIfNull(connections);
        _primary = primary;
        _status = status;
        if (connections.Replica is { } replica)
        {
            _replicaOptions = new DbContextOptionsBuilder<TicketBlueDbContext>()
                .UseMySql(
                    replica,
                    Microsoft.Extensions.DependencyInjection.DependencyInjection.ServerVersion,
                    mySql => mySql
                        .CommandTimeout(30)
                        .ExecutionStrategy(dependencies => new ReplicaFailoverExecutionStrategy(dependencies, connections, status)))
                .UseLoggerFactory(loggerFactory)
                .Options;
        }
    }

    public TicketBlueDbContext CreateDbContext() =>
        _replicaOptions is { } options && _status.IsUsable
            ? new TicketBlueDbContext(options)
            : _primary.CreateDbContext();
}
