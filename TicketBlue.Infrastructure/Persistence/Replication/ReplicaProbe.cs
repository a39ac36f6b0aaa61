using MySqlConnector;

namespace TicketBlue.Infrastructure.Persistence.Replication;

/// <summary>Looks at the replica once: <c>SHOW SLAVE STATUS</c> on a connection of its own, within the connect timeout.</summary>
public sealed class ReplicaProbe(ReplicaConnections connections)
{
    public async Task<ReplicaObservation> ObserveAsync(CancellationToken cancellationToken)
    {
        if (connections.Replica is not { } replica)
        {
            return ReplicaObservation.Unreachable("no replica configured");
        }

        try
        {
            await using var connection = new MySqlConnection(replica);
            await connection.OpenAsync(cancellationToken);
            await using var command = new MySqlCommand("SHOW SLAVE STATUS", connection) { CommandTimeout = (int)connection.ConnectionTimeout };
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            if (!await reader.ReadAsync(cancellationToken))
            {
                return new ReplicaObservation(true, false, null, "not configured as a replica");
            }

            var replicating = IsYes(reader, "Slave_IO_Running") && IsYes(reader, "Slave_SQL_Running");
            var behind = reader.GetOrdinal("Seconds_Behind_Master");
            TimeSpan? lag = reader.IsDBNull(behind) ? null : TimeSpan.FromSeconds(Convert.ToInt64(reader.GetValue(behind), System.Globalization.CultureInfo.InvariantCulture));
            return new ReplicaObservation(true, replicating, lag);
        }
        catch (Exception exception) when (exception is MySqlException or InvalidOperationException or TimeoutException or IOException)
        {
            // A dead pooled session must not be handed out again.
            MySqlConnection.ClearPool(new MySqlConnection(replica));
            return ReplicaObservation.Unreachable(exception.Message);
        }
    }

    private static bool IsYes(MySqlDataReader reader, string column) =>
        string.Equals(reader.GetString(reader.GetOrdinal(column)), "Yes", StringComparison.OrdinalIgnoreCase);
}
