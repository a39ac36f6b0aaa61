namespace TicketBlue.Infrastructure.Payments.Toss;

// The JSON shapes of the Toss Payments API v1, only the fields TicketBlue reads (camelCase on the wire).

/// <summary>The Toss "Payment" object returned by confirm, cancel and the look-ups.</summary>
public sealed record TossPayment(
    string PaymentKey,
    string OrderId,
    string? OrderName,
    string Status,
    string? Method,
    long TotalAmount,
    long BalanceAmount,
    long? SuppliedAmount,
    long? Vat,
    DateTimeOffset? RequestedAt,
    DateTimeOffset? ApprovedAt,
    string? LastTransactionKey,
    IReadOnlyList<TossCancel>? Cancels);

/// <summary>One entry of <see cref="TossPayment.Cancels"/>.</summary>
public sealed record TossCancel(
    long CancelAmount,
    string? CancelReason,
    DateTimeOffset CanceledAt,
    string? TransactionKey,
    string? CancelStatus);

/// <summary>Toss's error body: <c>{"code": "...", "message": "..."}</c>.</summary>
public sealed record TossError(string? Code, string? Message);

internal sealed record TossConfirmRequest(string PaymentKey, string OrderId, long Amount);

internal sealed record TossCancelRequest(string CancelReason, long? CancelAmount);
