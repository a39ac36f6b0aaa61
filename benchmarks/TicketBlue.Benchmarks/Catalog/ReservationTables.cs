using MySqlConnector;

namespace TicketBlue.Benchmarks.Catalog;

/// <summary>The five tables an order writes to, loaded together in chunks.</summary>
public sealed class ReservationTables(MySqlConnection connection) : IDisposable
{
    public BulkTable Reservations { get; } = new(connection, "Reservations", "Id", "Number", "UserId", "PerformanceId", "RoundId", "SeatHoldId", "Status", "Subtotal", "Discount", "Total",
        "CouponId", "CreatedAt", "PaymentDueAt", "ConfirmedAt", "CancelledAt", "CancellationReason", "RefundedAmount", "Version");

    public BulkTable Seats { get; } = new(connection, "ReservationSeats", "Id", "ReservationId", "RoundId", "RoundSeatId", "SeatLabel", "Grade", "Price", "DiscountShare", "Status",
        "CancelledAt", "RefundedAmount", "ActiveRoundSeatId", "CheckedInAt");

    public BulkTable Payments { get; } = new(connection, "Payments", "Id", "ReservationId", "OrderId", "OrderName", "Provider", "PaymentKey", "Method", "Status", "Amount", "BalanceAmount",
        "SuppliedAmount", "Vat", "CreatedAt", "RequestedAt", "ApprovedAt", "FailureCode", "FailureMessage", "RawResponse", "Version");

    public BulkTable Cancellations { get; } = new(connection, "PaymentCancellations", "Id", "PaymentId", "Amount", "Reason", "TransactionKey", "CanceledAt");

    public BulkTable Redemptions { get; } = new(connection, "CouponRedemptions", "Id", "CouponId", "UserId", "ReservationId", "DiscountAmount", "Status", "CreatedAt", "RedeemedAt", "ReleasedAt");

    public long Written => Reservations.Written + Seats.Written + Payments.Written + Cancellations.Written + Redemptions.Written;

    public void Dispose()
    {
        foreach (var table in new[] { Reservations, Seats, Payments, Cancellations, Redemptions })
        {
            table.Dispose();
        }
    }

    public async Task FlushAsync()
    {
        foreach (var table in new[] { Reservations, Seats, Payments, Cancellations, Redemptions })
        {
            await table.FlushAsync();
        }
    }
}
