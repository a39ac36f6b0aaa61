using MySqlConnector;
using TicketBlue.Tests.Fixtures;

namespace TicketBlue.Tests.Integration.Reviews;

/// <summary>Waits until a connection to the test database is blocked on a row lock: the moment a race's second writer is parked behind the first.</summary>
internal static class LockWaits
{
    public static async Task UntilOneWaitsAsync(MariaDbDatabase database, CancellationToken cancellationToken)
    {
        await using var connection = new MySqlConnection(database.ConnectionString);
        await connection.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT COUNT(*)
            FROM information_schema.INNODB_TRX trx
            JOIN information_schema.PROCESSLIST process ON process.ID = trx.trx_mysql_thread_id
            WHERE trx.trx_state = 'LOCK WAIT' AND process.DB = @database
            """;
        command.Parameters.AddWithValue("@database", database.Name);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(20));
        while (Convert.ToInt64(await command.ExecuteScalarAsync(timeout.Token), System.Globalization.CultureInfo.InvariantCulture) == 0)
        {
            // Polling a condition the server reports, not sleeping for a guessed time.
            await Task.Delay(10, timeout.Token);
        }
    }
}
