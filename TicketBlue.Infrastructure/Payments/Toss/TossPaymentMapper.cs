using TicketBlue.Domain.Common;
using TicketBlue.Domain.Payments;

namespace TicketBlue.Infrastructure.Payments.Toss;

/// <summary>
/// Reads Toss "Payment" objects into the domain's gateway types. A body that does not make sense
/// (unknown status, negative amount) throws <see cref="FormatException"/>, which the gateway turns
/// into an unknown outcome: Toss answered, but we cannot tell what it said.
/// </summary>
public static class TossPaymentMapper
{
    public static PaymentStatus ParseStatus(string? status) => status switch
    {
        "READY" => PaymentStatus.Ready,
        "IN_PROGRESS" => PaymentStatus.InProgress,
        "WAITING_FOR_DEPOSIT" => PaymentStatus.WaitingForDeposit,
        "DONE" => PaymentStatus.Done,
        "PARTIAL_CANCELED" => PaymentStatus.PartialCanceled,
        "CANCELED" => PaymentStatus.Canceled,
        "ABORTED" => PaymentStatus.Aborted,
        "EXPIRED" => PaymentStatus.Expired,
        _ => throw new FormatException($"Unknown Toss payment status '{status}'."),
    };

    /// <summary>The approval in a confirm answer; null when Toss has not approved (e.g. a virtual account waiting for deposit).</summary>
    public static GatewayApproval? ToApproval(TossPayment payment, string rawResponse)
    {
        ArgumentNullException.ThrowIfNull(payment);
        var status = ParseStatus(payment.Status);
        if (status is not (PaymentStatus.Done or PaymentStatus.PartialCanceled or PaymentStatus.Canceled) || payment.ApprovedAt is null)
        {
            return null;
        }

        return new GatewayApproval(
            payment.PaymentKey,
            payment.Method,
            Won(payment.TotalAmount),
            payment.SuppliedAmount is { } supplied ? Won(supplied) : null,
            payment.Vat is { } vat ? Won(vat) : null,
            payment.RequestedAt,
            payment.ApprovedAt.Value,
            rawResponse);
    }

    public static GatewayPaymentState ToState(TossPayment payment, string rawResponse)
    {
        ArgumentNullException.ThrowIfNull(payment);
        var status = ParseStatus(payment.Status);
        var balance = Won(payment.BalanceAmount);
        return new GatewayPaymentState(
            payment.PaymentKey,
            payment.OrderId,
            status,
            Won(payment.TotalAmount),
            balance,
            payment.Method,
            payment.ApprovedAt,
            (payment.Cancels ?? []).Select(cancel => ToCancellation(cancel, balance, status, null)).ToList(),
            rawResponse)
        {
            Approval = ToApproval(payment, rawResponse),
        };
    }

    /// <summary>
    /// The refund a cancel call just made: the entry carrying the payment's last transaction key, or
    /// the latest entry when Toss sent no key. Null when the answer lists no refund at all.
    /// </summary>
    public static GatewayCancellation? ToLatestCancellation(TossPayment payment, string rawResponse)
    {
        ArgumentNullException.ThrowIfNull(payment);
        var cancels = payment.Cancels ?? [];
        var latest = cancels.FirstOrDefault(cancel => cancel.TransactionKey is not null && cancel.TransactionKey == payment.LastTransactionKey)
            ?? cancels.OrderBy(cancel => cancel.CanceledAt).LastOrDefault();
        return latest is null ? null : ToCancellation(latest, Won(payment.BalanceAmount), ParseStatus(payment.Status), rawResponse);
    }

    private static GatewayCancellation ToCancellation(TossCancel cancel, Money balance, PaymentStatus status, string? rawResponse) =>
        new(Won(cancel.CancelAmount), cancel.CancelReason ?? string.Empty, cancel.TransactionKey, cancel.CanceledAt, balance, status, rawResponse);

    private static Money Won(long amount) =>
        amount >= 0 ? Money.FromWon(amount) : throw new FormatException($"Toss sent a negative amount ({amount}).");
}
