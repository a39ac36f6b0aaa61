using System.Data.Common;
using TicketBlue.Infrastructure.Booking;
using TicketBlue.Infrastructure.Persistence;

namespace TicketBlue.Infrastructure.Checkout;

/// <summary>
/// The checkout's SQL. The customer row lock serialises one customer's checkouts (and holds) so the
/// per-customer coupon limit cannot be passed by racing; the coupon statements are single conditional
/// UPDATEs, so the total quantity cannot be passed by customers racing each other.
/// </summary>
internal static class CheckoutStatements
{
    /// <summary>Locks the customer's row (as the hold path does) and reads what the payment window needs; null for an unknown user.</summary>
    public static async Task<CustomerContact?> LockCustomerAsync(DbConnection connection, DbTransaction transaction, string userId, CancellationToken cancellationToken)
    {
        await using var command = SqlCommands.Create(
            connection,
            transaction,
            $"SET STATEMENT innodb_lock_wait_timeout={HoldStatements.LockWaitSeconds} FOR SELECT Email, DisplayName FROM AspNetUsers WHERE Id = @user FOR UPDATE");
        SqlCommands.Add(command, "@user", userId);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken))
        {
            return null;
        }

        return new CustomerContact(reader.IsDBNull(0) ? string.Empty : reader.GetString(0), reader.GetString(1));
    }

    /// <summary>
    /// Takes one use of a coupon if one is left: the same rule as <c>Coupon.Redeem()</c> (and the
    /// coupon's switch and validity window), evaluated by MariaDB on the row's latest committed value
    /// after it waited for the row lock. False when there was none to take.
    /// </summary>
    public static async Task<bool> TakeCouponUseAsync(DbConnection connection, DbTransaction transaction, long couponId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var command = SqlCommands.Create(
            connection,
            transaction,
            $"""
            SET STATEMENT innodb_lock_wait_timeout={HoldStatements.LockWaitSeconds} FOR
            UPDATE Coupons SET UsedQuantity = UsedQuantity + 1, Version = Version + 1
             WHERE Id = @coupon AND IsActive = 1 AND UsedQuantity < TotalQuantity AND ValidFrom <= @now AND ValidUntil > @now
            """);
        SqlCommands.Add(command, "@coupon", couponId);
        SqlCommands.Add(command, "@now", now.UtcDateTime);
        return await command.ExecuteNonQueryAsync(cancellationToken) == 1;
    }

    /// <summary>Gives uses back (<c>Coupon.Restore()</c>), never below zero.</summary>
    public static async Task ReturnCouponUsesAsync(DbConnection connection, DbTransaction transaction, long couponId, int count, CancellationToken cancellationToken)
    {
        await using var command = SqlCommands.Create(
            connection,
            transaction,
            $"""
            SET STATEMENT innodb_lock_wait_timeout={HoldStatements.LockWaitSeconds} FOR
            UPDATE Coupons SET UsedQuantity = GREATEST(UsedQuantity - @count, 0), Version = Version + 1 WHERE Id = @coupon
            """);
        SqlCommands.Add(command, "@coupon", couponId);
        SqlCommands.Add(command, "@count", count);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}

/// <summary>What the payment window shows about the customer.</summary>
internal sealed record CustomerContact(string Email, string DisplayName);
