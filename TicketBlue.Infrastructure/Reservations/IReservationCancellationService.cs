namespace TicketBlue.Infrastructure.Reservations;

/// <summary>
/// Cancelling paid reservations, whole or in part. The refund goes through the gateway first; then,
/// in one transaction, the reservation and payment record it, the seats go back on sale, a coupon use
/// is given back (whole cancellation) and the notifications are queued; then seat maps are told.
/// <paramref name="roundSeatIds"/> null means every seat still active.
/// </summary>
public interface IReservationCancellationService
{
    Task<RefundQuote?> QuoteAsync(string userId, long reservationId, IReadOnlyCollection<long>? roundSeatIds, CancellationToken cancellationToken);

    Task<CancellationResult> CancelAsync(string userId, long reservationId, IReadOnlyCollection<long>? roundSeatIds, string reason, CancellationToken cancellationToken);

    /// <summary>An admin cancels any confirmed reservation with a reason: full refund, no fee, no cut-off; audited.</summary>
    Task<CancellationResult> CancelByAdminAsync(string adminUserId, long reservationId, string reason, CancellationToken cancellationToken);
}
