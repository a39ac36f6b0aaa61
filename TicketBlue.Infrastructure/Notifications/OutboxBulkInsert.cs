using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using TicketBlue.Domain.Notifications;
using TicketBlue.Infrastructure.Persistence;

namespace TicketBlue.Infrastructure.Notifications;

/// <summary>
/// Queues many outbox rows in one multi-row <c>INSERT IGNORE</c>: a row whose
/// <see cref="Notification.DeduplicationKey"/> is already there is skipped by the unique index, so a chunk
/// that runs again (a crash between its commit and its checkpoint, a second run of the same day) queues
/// nothing twice. The rows are made by <see cref="Notification.Queue"/>, whose guards keep every value
/// within its column, so IGNORE only ever skips duplicates.
/// </summary>
internal static class OutboxBulkInsert
{
    private const string Columns =
        "(`Id`, `Channel`, `Template`, `Recipient`, `UserId`, `PayloadJson`, `DeduplicationKey`, `Status`, `Attempts`, `CreatedAt`, `NextAttemptAt`)";

    /// <summary>Inserts the rows in the context's current transaction and returns how many were new.</summary>
    public static async Task<int> InsertAsync(TicketBlueDbContext context, IReadOnlyList<Notification> rows, CancellationToken cancellationToken)
    {
        if (rows.Count == 0)
        {
            return 0;
        }

        var connection = context.Database.GetDbConnection();
        await using var command = SqlCommands.Create(connection, context.Database.CurrentTransaction?.GetDbTransaction(), string.Empty);
        var sql = new StringBuilder("INSERT IGNORE INTO `Notifications` ").Append(Columns).Append(" VALUES ");
        for (var index = 0; index < rows.Count; index++)
        {
            var row = rows[index];
            var p = string.Create(CultureInfo.InvariantCulture, $"@p{index}_");
            sql.Append(index == 0 ? "(" : ",(")
                .Append(CultureInfo.InvariantCulture, $"{p}id,{p}ch,{p}t,{p}r,{p}u,{p}j,{p}k,{p}s,0,{p}c,{p}c)");
            SqlCommands.Add(command, $"{p}id", row.Id.ToString());
            SqlCommands.Add(command, $"{p}ch", row.Channel.ToString());
            SqlCommands.Add(command, $"{p}t", row.Template);
            SqlCommands.Add(command, $"{p}r", row.Recipient);
            SqlCommands.Add(command, $"{p}u", (object?)row.UserId ?? DBNull.Value);
            SqlCommands.Add(command, $"{p}j", row.PayloadJson);
            SqlCommands.Add(command, $"{p}k", row.DeduplicationKey);
            SqlCommands.Add(command, $"{p}s", row.Status.ToString());
            SqlCommands.Add(command, $"{p}c", row.CreatedAt.UtcDateTime);
        }

        command.CommandText = sql.ToString();
        return await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
