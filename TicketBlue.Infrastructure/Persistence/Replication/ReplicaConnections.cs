using MySqlConnector;

namespace TicketBlue.Infrastructure.Persistence.Replication;

/// <summary>The two connection strings reads choose between: the primary's and, when configured, the replica's.</summary>
public sealed class ReplicaConnections
{
    public ReplicaConnections(string primary, string? replica, ReplicaOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        Primary = primary;
        if (!string.IsNullOrWhiteSpace(replica))
        {
            // The same database as the primary's connection, whatever the replica's string names.
            var builder = new MySqlConnectionStringBuilder(Microsoft.Extensions.DependencyInjection.DependencyInjection.AppConnectionString(replica))
            {
                Database = new MySqlConnectionStringBuilder(primary).Database,
                ConnectionTimeout = (uint)Math.Ceiling(options.ConnectTimeout.TotalSeconds),
            };
            Replica = builder.ConnectionString;
        }
    }

    public string Primary { get; }

    /// <summary>Null when no replica is configured.</summary>
    public string? Replica { get; }
}
