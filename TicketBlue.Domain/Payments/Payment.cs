using TicketBlue.Domain.Common;

namespace TicketBlue.Domain.Payments;

/// <summary>Payment states, named as Toss Payments names them.</summary>
public enum PaymentStatus
{
    Ready,
    InProgress,
    WaitingForDeposit,
    Done,
    PartialCanceled,
    Canceled,
    Aborted,
    Expired,
}

public enum PaymentProvider
{
    Toss,
    Demo,

    /// <summary>No gateway: a coupon pays the whole order (0원), so there is nothing to charge or refund (<see cref="FreeOrder"/>).</summary>
    Free,
}

/// <summary>
/// The money side of a reservation. One payment per reservation with a unique order id; the amount
/// is fixed when the payment is created, and the gateway's approval must match it exactly, so a
/// tampered amount in a redirect can never confirm an order.
/// </summary>
public sealed class Payment : Entity<long>
{
    private readonly List<PaymentCancellation> _cancellations = [];

    private Payment()
    {
        OrderId = string.Empty;
        OrderName = string.Empty;
    }

    public long ReservationId { get; private set; }

    /// <summary>Our order id sent to the gateway (6–64 characters, Toss's rule).</summary>
    public string OrderId { get; private set; }

    public string OrderName { get; private set; }

    public PaymentProvider Provider { get; private set; }

    public string? PaymentKey { get; private set; }

    /// <summary>Gateway's method label, e.g. 카드, 간편결제, 가상계좌.</summary>
    public string? Method { get; private set; }

    public PaymentStatus Status { get; private set; }

    public Money Amount { get; private set; }

    public Money BalanceAmount { get; private set; }

    public Money? SuppliedAmount { get; private set; }

    public Money? Vat { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset? RequestedAt { get; private set; }

    public DateTimeOffset? ApprovedAt { get; private set; }

    public string? FailureCode { get; private set; }

    public string? FailureMessage { get; private set; }

    /// <summary>The gateway's last raw response, kept for reconciliation and disputes.</summary>
    public string? RawResponse { get; private set; }

    public int Version { get; private set; }

    public IReadOnlyCollection<PaymentCancellation> Cancellations => _cancellations.AsReadOnly();

    public static Payment Create(long reservationId, string orderId, string orderName, PaymentProvider provider, Money amount, DateTimeOffset now)
    {
        var id = Guard.NotBlank(orderId, "payment.order_id", "주문 번호가 없습니다.", 64);
        if (id.Length < 6)
        {
            throw new DomainException("payment.order_id", "주문 번호는 6자 이상이어야 합니다.") { Variant = "length" };
        }

        if ((provider == PaymentProvider.Free) != (amount == Money.Zero))
        {
            // A gateway cannot take 0원 (Toss refuses it), and a free order must never reach one with an amount.
            throw provider == PaymentProvider.Free
                ? new DomainException("payment.free_order", "결제 없이 확정하는 주문은 결제 금액이 0원이어야 합니다.")
                : new DomainException("payment.free_order", "결제 금액이 0원인 주문은 결제 없이 확정됩니다.") { Variant = "zero" };
        }

        return new Payment
        {
            ReservationId = reservationId,
            OrderId = id,
            OrderName = Guard.NotBlank(orderName, "payment.order_name", "주문 이름이 없습니다.", 100),
            Provider = provider,
            Status = PaymentStatus.Ready,
            Amount = amount,
            BalanceAmount = amount,
            CreatedAt = now,
        };
    }

    /// <summary>Checks a redirect's amount against the order before asking the gateway to confirm.</summary>
    public void EnsureAmountMatches(long requestedAmount)
    {
        if (requestedAmount != Amount.Won)
        {
            throw new DomainException("payment.amount_mismatch", "결제 금액이 주문 금액과 다릅니다.");
        }
    }

    /// <summary>
    /// Claims the confirmation of this payment before the gateway is asked: the status moves to
    /// <see cref="PaymentStatus.InProgress"/> with the payment key, and <see cref="RequestedAt"/> records
    /// when the confirm was sent (the gateway's own time replaces it on approval). Saved with the
    /// <see cref="Version"/> concurrency token, so of several identical redirects exactly one proceeds.
    /// An aborted attempt (declined card, closed window) may be authorized again under the same order.
    /// </summary>
    public void BeginConfirmation(string paymentKey, DateTimeOffset now)
    {
        if (Status is not (PaymentStatus.Ready or PaymentStatus.Aborted))
        {
            throw Status == PaymentStatus.InProgress
                ? new DomainException("payment.in_progress", "결제를 확인하고 있습니다. 잠시 후 예매 내역에서 확인해 주세요.")
                : new DomainException("payment.state", "승인할 수 없는 상태의 결제입니다.") { Variant = "approve" };
        }

        PaymentKey = Guard.NotBlank(paymentKey, "payment.key", "결제 키가 없습니다.", 200);
        Status = PaymentStatus.InProgress;
        RequestedAt = now;
        FailureCode = null;
        FailureMessage = null;
    }

    /// <summary>
    /// A confirmation whose answer never came (node crash, lost response) is taken over by the recovery
    /// step: it moves <see cref="RequestedAt"/> on, so other nodes leave the payment alone for a while.
    /// </summary>
    public void ClaimForRecovery(DateTimeOffset now)
    {
        if (Status != PaymentStatus.InProgress)
        {
            throw new DomainException("payment.state", "확인 중인 결제가 아닙니다.") { Variant = "not_pending" };
        }

        RequestedAt = now;
    }

    /// <summary>
    /// Starts a new attempt after an aborted one under a fresh order id (a gateway may refuse an order id
    /// it has seen fail). The reservation, the amount and the order name stay as they were.
    /// </summary>
    public void Retry(string newOrderId)
    {
        if (Status != PaymentStatus.Aborted)
        {
            throw new DomainException("payment.state", "실패한 결제만 다시 시도할 수 있습니다.") { Variant = "retry" };
        }

        var id = Guard.NotBlank(newOrderId, "payment.order_id", "주문 번호가 없습니다.", 64);
        if (id.Length < 6)
        {
            throw new DomainException("payment.order_id", "주문 번호는 6자 이상이어야 합니다.") { Variant = "length" };
        }

        OrderId = id;
        PaymentKey = null;
        Status = PaymentStatus.Ready;
        RequestedAt = null;
    }

    /// <summary>
    /// The order ran out unpaid. A payment whose confirmation is in flight is never expired: its outcome
    /// is reconciled with the gateway first.
    /// </summary>
    public void Expire()
    {
        if (Status is not (PaymentStatus.Ready or PaymentStatus.Aborted))
        {
            throw new DomainException("payment.state", "만료 처리할 수 없는 상태의 결제입니다.") { Variant = "expire" };
        }

        Status = PaymentStatus.Expired;
    }

    public void Approve(GatewayApproval approval)
    {
        if (PaymentKey is not null && PaymentKey == approval.PaymentKey && approval.TotalAmount == Amount
            && Status is PaymentStatus.Done or PaymentStatus.PartialCanceled or PaymentStatus.Canceled)
        {
            // The same approval delivered twice (a retried redirect or callback) changes nothing.
            return;
        }

        if (Status is not (PaymentStatus.Ready or PaymentStatus.InProgress or PaymentStatus.WaitingForDeposit))
        {
            throw new DomainException("payment.state", "승인할 수 없는 상태의 결제입니다.") { Variant = "approve" };
        }

        if (approval.TotalAmount != Amount)
        {
            throw new DomainException("payment.amount_mismatch", "승인 금액이 주문 금액과 다릅니다.") { Variant = "approved" };
        }

        PaymentKey = Guard.NotBlank(approval.PaymentKey, "payment.key", "결제 키가 없습니다.", 200);
        Method = approval.Method;
        SuppliedAmount = approval.SuppliedAmount;
        Vat = approval.Vat;
        RequestedAt = approval.RequestedAt;
        ApprovedAt = approval.ApprovedAt;
        RawResponse = approval.RawResponse;
        BalanceAmount = Amount;
        Status = PaymentStatus.Done;
    }

    public void Fail(string code, string message, DateTimeOffset now)
    {
        if (Status is PaymentStatus.Done or PaymentStatus.PartialCanceled or PaymentStatus.Canceled)
        {
            throw new DomainException("payment.state", "이미 승인된 결제는 실패 처리할 수 없습니다.") { Variant = "fail" };
        }

        Status = PaymentStatus.Aborted;
        FailureCode = Guard.Optional(code, "payment.failure", "오류 코드가 너무 깁니다.", 100, "code");
        FailureMessage = Guard.Optional(message, "payment.failure", "오류 메시지가 너무 깁니다.", 500);
        RequestedAt ??= now;
    }

    /// <summary>Records a (partial) refund that the gateway has carried out.</summary>
    public void RecordCancellation(Money amount, string reason, string? transactionKey, DateTimeOffset canceledAt)
    {
        if (Status is not (PaymentStatus.Done or PaymentStatus.PartialCanceled))
        {
            throw new DomainException("payment.state", "승인된 결제만 취소할 수 있습니다.") { Variant = "cancel" };
        }

        if (amount <= Money.Zero && BalanceAmount > Money.Zero)
        {
            throw new DomainException("payment.cancel_amount", "취소 금액은 0원보다 커야 합니다.");
        }

        if (amount > BalanceAmount)
        {
            throw new DomainException("payment.cancel_amount", $"취소 가능 금액({BalanceAmount})을 넘었습니다.", BalanceAmount.Won) { Variant = "balance" };
        }

        _cancellations.Add(new PaymentCancellation(amount, Guard.NotBlank(reason, "payment.cancel_reason", "취소 사유를 입력해 주세요.", 200), transactionKey, canceledAt));
        BalanceAmount -= amount;
        Status = BalanceAmount == Money.Zero ? PaymentStatus.Canceled : PaymentStatus.PartialCanceled;
    }
}

/// <summary>What a gateway tells us when it approves a payment.</summary>
public sealed record GatewayApproval(
    string PaymentKey,
    string? Method,
    Money TotalAmount,
    Money? SuppliedAmount,
    Money? Vat,
    DateTimeOffset? RequestedAt,
    DateTimeOffset ApprovedAt,
    string? RawResponse);

/// <summary>One refund of a payment (Toss "cancels" entry).</summary>
public sealed class PaymentCancellation : Entity<long>
{
    private PaymentCancellation()
    {
        Reason = string.Empty;
    }

    internal PaymentCancellation(Money amount, string reason, string? transactionKey, DateTimeOffset canceledAt)
    {
        Amount = amount;
        Reason = reason;
        TransactionKey = transactionKey;
        CanceledAt = canceledAt;
    }

    public long PaymentId { get; private set; }

    public Money Amount { get; private set; }

    public string Reason { get; private set; }

    public string? TransactionKey { get; private set; }

    public DateTimeOffset CanceledAt { get; private set; }
}
