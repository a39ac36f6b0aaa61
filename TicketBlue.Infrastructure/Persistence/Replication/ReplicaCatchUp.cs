using Microsoft.Extensions.Options;
using MySqlConnector;

namespace TicketBlue.Infrastructure.Persistence.Replication;

/// <summary>
/// Read-your-own-write across the replica: waits until the replica has applied everything the primary
/// has committed so far (<c>MASTER_GTID_WAIT</c> on the primary's <c>@@gtid_binlog_pos</c>), at most
/// <see cref="ReplicaOptions.CatchUpTimeout"/>. Used after catalogue edits, before the caches are dropped,
/// so that a reader who sees the new cache version also reads the new rows. A replica that does not catch
/// up in time is reported down, which sends reads to the primary until the next good check.
/// </summary>
public sealed class ReplicaCatchUp(ReplicaConnections connections, ReplicaStatus status, IOptions<ReplicaOptions> options)
{
    /// <summary>True when the replica has caught up (or reads do not use it); false when it was given up on.</summary>
    public async Task<bool> WaitForPrimaryAsync(CancellationToken cancellationToken)
    {
        if (connections.Replica is not { } replica || !status.IsUsable)
        {
            return true;
        }

        var timeout = options.Value.CatchUpTimeout;
        try
        {
            string position;
            await using (var primary = new MySqlConnection(connections.Primary))
            {
                await primary.OpenAsync(cancellationToken);
                await using var command = new MySqlCommand("SELECT @@gtid_binlog_pos", primary);
                position = (string?)await command.ExecuteScalarAsync(cancellationToken) ?? string.Empty;
            }

            await using var connection = new MySqlConnection(replica);
            await connection.OpenAsync(cancellationToken);
            await using var wait = new MySqlCommand("SELECT MASTER_GTID_WAIT(@position, @timeout)", connection)
            {
                CommandTimeout = (int)Math.Ceiling(timeout.TotalSeconds) + 5,
            };
            wait.Parameters.AddWithValue("@position", position);
            wait.Parameters.AddWithValue("@timeout", timeout.TotalSeconds);
            var result = Convert.ToInt32(await wait.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture);
            if (result == 0)
            {
                return true;
            }

            status.ReportFailure($"did not apply the latest write within {timeout.TotalSeconds:0.###} s");
            return false;
        }
        catch (Exception exception) when (exception is MySqlException or InvalidOperationException or TimeoutException or IOException)
        {
            status.ReportFailure(exception.Message);
            return false;
        }
    }
}
