using System.Data.Common;
using MySqlConnector;

namespace TicketBlue.Infrastructure.Persistence;

/// <summary>The two lines every hand-written statement class needs: a command in the caller's transaction, and a parameter.</summary>
internal static class SqlCommands
{
    public static DbCommand Create(DbConnection connection, DbTransaction? transaction, string sql)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        return command;
    }

    public static void Add(DbCommand command, string name, object value) =>
        ((MySqlCommand)command).Parameters.AddWithValue(name, value);
}
