using MySqlConnector;

namespace TicketBlue.Infrastructure.Persistence;

/// <summary>MariaDB cannot be reached now: the request is answered "try again shortly" (503), never after a long wait.</summary>
public sealed class DatabaseUnavailableException : Exception
{
    public DatabaseUnavailableException()
        : base("The database cannot be reached; the circuit is open.")
    {
    }

    public DatabaseUnavailableException(string message)
        : base(message)
    {
    }

    public DatabaseUnavailableException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>
    /// Whether an exception (or one it wraps, e.g. EF Core's) says the database could not be reached: the open
    /// circuit, or a connection MySqlConnector could not open.
    /// </summary>
    public static bool IsOutage(Exception? exception)
    {
        for (var current = exception; current is not null; current = current.InnerException)
        {
            if (current is DatabaseUnavailableException
                || (current is MySqlException { ErrorCode: MySqlErrorCode.UnableToConnectToHost } && !IsPoolWait(current)))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// MySqlConnector's "all pooled connections are in use" after the connect time-out: this node is busy, the
    /// database is not down, so it never opens the circuit.
    /// </summary>
    public static bool IsPoolWait(Exception exception) =>
        exception?.Message.Contains("pooled connections are in use", StringComparison.OrdinalIgnoreCase) == true;
}
