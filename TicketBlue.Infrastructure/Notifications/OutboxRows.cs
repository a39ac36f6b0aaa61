using System.Data.Common;
using System.Globalization;
using System.Text;
using TicketBlue.Domain.Notifications;
using TicketBlue.Infrastructure.Persistence;

namespace TicketBlue.Infrastructure.Notifications;

/// <summary>
/// Writes queued notifications to the outbox in one multi-row INSERT in the caller's transaction, for
/// batch jobs that queue thousands at once. A row whose deduplication key is already there is left as
/// it was (the unique key decides), so a chunk that runs twice queues nothing twice.
/// </summary>
internal static class OutboxRows
{
    private const int ColumnsPerRow = 11;

    public static async Task<int> InsertAsync(DbConnection connection, DbTransaction transaction, IReadOnlyList<Notification> notifications, CancellationToken cancellationToken)
    {
        if (notifications.Count == 0)
        {
            return 0;
        }

        await using var command = SqlCommands.Create(connection, transaction, string.Empty);
        var sql = new StringBuilder(
            "INSERT INTO Notifications (Id, Channel, Template, Recipient, UserId, PayloadJson, DeduplicationKey, Status, Attempts, CreatedAt, NextAttemptAt) VALUES ",
            notifications.Count * ColumnsPerRow * 8);
        for (var row = 0; row < notifications.Count; row++)
        {
            var notification = notifications[row];
            object?[] values =
            [
                notification.Id.ToString(), notification.Channel.ToString(), notification.Template, notification.Recipient, notification.UserId,
                notification.PayloadJson, notification.DeduplicationKey, notification.Status.ToString(), notification.Attempts,
                notification.CreatedAt.UtcDateTime, notification.NextAttemptAt.UtcDateTime,
            ];
            sql.Append(row == 0 ? "(" : ",(");
            for (var column = 0; column < values.Length; column++)
            {
                var name = string.Create(CultureInfo.InvariantCulture, $"@p{row}_{column}");
                sql.Append(column == 0 ? string.Empty : ",").Append(name);
                SqlCommands.Add(command, name, values[column] ?? DBNull.Value);
            }

            sql.Append(')');
        }

        // A no-op on a duplicate key: the notification queued first stays, with its own id and time.
        sql.Append(" ON DUPLICATE KEY UPDATE Id = Id");
        command.CommandText = sql.ToString();
        return await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
