using MySqlConnector;
using TicketBlue.Tests.Fixtures;

namespace TicketBlue.Tests.Web.Features.Reviews;

/// <summary>
/// Waits until a connection to the test database is running an INSERT into Reviews: the moment a
/// race's second writer, having read no review, sends its own. From then on it can only end one way
/// once the first writer commits, whether it is already parked on the unique index or not: the
/// duplicate key. (A waiting autocommit INSERT does not always show in INNODB_TRX; the process list has it.)
/// </summary>
internal static class ReviewInserts
{
    public static async Task UntilOneIsRunningAsync(MariaDbDatabase database, CancellationToken cancellationToken)
    {
        await using var connection = new MySqlConnection(database.ConnectionString);
        await connection.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT COUNT(*)
            FROM information_schema.PROCESSLIST
            WHERE DB = @database AND COMMAND = 'Query' AND INFO LIKE 'INSERT INTO `Reviews`%'
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
