using MySqlConnector;

namespace TicketBlue.Infrastructure.Booking;

/// <summary>Deadlock (1213) or lock-wait timeout (1205): another transaction was in the way for a moment, so the whole transaction may run again.</summary>
internal static class TransientLockErrors
{
    public static MySqlErrorCode? Of(Exception exception) =>
        (exception as MySqlException ?? exception.InnerException as MySqlException) is { ErrorCode: MySqlErrorCode.LockDeadlock or MySqlErrorCode.LockWaitTimeout } mySql
            ? mySql.ErrorCode
            : null;
}
