namespace TicketBlue.Infrastructure.Checkout;

/// <summary>
/// Turns an authorized payment into a paid reservation, exactly once. The amount is checked against
/// the order before the gateway is asked; the gateway confirm carries a key derived from the order,
/// so a double click, a retried redirect or a duplicated callback charges once and yields one
/// reservation. Payment done, reservation confirmed, seats sold, coupon use recorded and the
/// notifications queued commit in one transaction. If a seat was sold to someone else after the
/// hold ran out, the payment is cancelled at the gateway and the customer told which seat.
/// </summary>
public interface IPaymentConfirmationService
{
    Task<CheckoutResult<ConfirmedReservation>> ConfirmAsync(string userId, PaymentConfirmation confirmation, CancellationToken cancellationToken);

    /// <summary>Records a failed or abandoned payment (the gateway's failure redirect) and queues the "payment failed" notifications.</summary>
    Task<CheckoutResult<FailedPayment>> RecordFailureAsync(string userId, PaymentFailureReport report, CancellationToken cancellationToken);
}
