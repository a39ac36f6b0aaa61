using TicketBlue.Domain.Common;

namespace TicketBlue.Domain.Payments;

/// <summary>
/// What the gateway reports after a refund: this refund's amount and transaction key (the inputs of
/// <see cref="Payment.RecordCancellation"/>) and the payment's state afterwards, to cross-check ours.
/// </summary>
public sealed record GatewayCancellation(
    Money Amount,
    string Reason,
    string? TransactionKey,
    DateTimeOffset CanceledAt,
    Money BalanceAmount,
    PaymentStatus Status,
    string? RawResponse);

/// <summary>The gateway's view of a payment, used to reconcile an unknown outcome.</summary>
public sealed record GatewayPaymentState(
    string PaymentKey,
    string OrderId,
    PaymentStatus Status,
    Money TotalAmount,
    Money BalanceAmount,
    string? Method,
    DateTimeOffset? ApprovedAt,
    IReadOnlyList<GatewayCancellation> Cancellations,
    string? RawResponse)
{
    /// <summary>The approval to record when the gateway says the payment went through; null while it has not.</summary>
    public GatewayApproval? Approval { get; init; }

    /// <summary>
    /// Whether this gateway payment is the order's: the same order id and amount. A payment key found
    /// to be "already processed" may belong to another order (reused by mistake or on purpose); its
    /// approval never settles this one.
    /// </summary>
    public bool IsFor(string orderId, Money amount) => string.Equals(OrderId, orderId, StringComparison.Ordinal) && TotalAmount == amount;
}
