using TicketBlue.Domain.Common;

namespace TicketBlue.Domain.Payments;

/// <summary>
/// The payment gateway as the checkout sees it (Toss Payments in production, the demo gateway
/// otherwise). Every answer is a <see cref="GatewayResult{T}"/>: callers never catch HTTP or
/// serialization exceptions, and a lost answer (timeout, dropped connection) comes back as
/// <see cref="GatewayFailureKind.UnknownOutcome"/> so the recovery step can look the payment up
/// with <see cref="GetByPaymentKeyAsync"/> or <see cref="GetByOrderIdAsync"/> and reconcile.
/// Only the caller's own cancellation surfaces as an <see cref="OperationCanceledException"/>.
/// </summary>
public interface IPaymentGateway
{
    /// <summary>Which gateway this is, stored on <see cref="Payment.Provider"/>.</summary>
    PaymentProvider Provider { get; }

    /// <summary>
    /// Approves a payment the customer has authorized. Sending the same <paramref name="idempotencyKey"/>
    /// again replays the first answer instead of charging twice, so a retry after an unknown outcome is safe.
    /// </summary>
    Task<GatewayResult<GatewayApproval>> ConfirmAsync(string paymentKey, string orderId, Money amount, string idempotencyKey, CancellationToken cancellationToken = default);

    /// <summary>Refunds <paramref name="cancelAmount"/>, or the whole remaining balance when it is null.</summary>
    Task<GatewayResult<GatewayCancellation>> CancelAsync(string paymentKey, string reason, Money? cancelAmount, string idempotencyKey, CancellationToken cancellationToken = default);

    /// <summary>The gateway's current view of a payment, for reconciliation.</summary>
    Task<GatewayResult<GatewayPaymentState>> GetByPaymentKeyAsync(string paymentKey, CancellationToken cancellationToken = default);

    /// <summary>The same, by our order id: the only handle we have when a confirm's answer was lost before a key was stored.</summary>
    Task<GatewayResult<GatewayPaymentState>> GetByOrderIdAsync(string orderId, CancellationToken cancellationToken = default);
}
