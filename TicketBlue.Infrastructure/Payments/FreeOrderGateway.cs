using TicketBlue.Domain.Common;
using TicketBlue.Domain.Payments;

namespace TicketBlue.Infrastructure.Payments;

/// <summary>
/// Put in front of the configured gateway: answers for free orders (a coupon pays all, 0원; their keys
/// are <see cref="FreeOrder.PaymentKey"/>) without any gateway — Toss refuses an amount of 0, and there
/// is nothing to charge or refund — and passes every other call through. A free key is approved only
/// for its own order and an amount of 0 (the amount the confirmation checked against the order), and is
/// never passed to the gateway: a customer who sends one for a paid order is refused and charged nothing.
/// </summary>
public sealed class FreeOrderGateway(IPaymentGateway inner, TimeProvider clock) : IPaymentGateway
{
    public const string Method = "무료 (쿠폰 전액 할인)";

    public PaymentProvider Provider => inner.Provider;

    /// <summary>The gateway paid orders go to.</summary>
    public IPaymentGateway Gateway => inner;

    public Task<GatewayResult<GatewayApproval>> ConfirmAsync(string paymentKey, string orderId, Money amount, string idempotencyKey, CancellationToken cancellationToken = default)
    {
        if (!FreeOrder.IsKey(paymentKey))
        {
            return inner.ConfirmAsync(paymentKey, orderId, amount, idempotencyKey, cancellationToken);
        }

        // No free key ever reaches a gateway, so a settled payment with one is always a genuine free order.
        return Task.FromResult(amount == Money.Zero && FreeOrder.IsKeyOf(paymentKey, orderId)
            ? GatewayResult.Success(Approval(paymentKey, clock.GetUtcNow()))
            : GatewayResult.Fail<GatewayApproval>(new GatewayFailure("FREE_ORDER_NOT_FREE", "결제 금액이 있는 주문입니다. 결제 수단을 선택해 결제해 주세요.", GatewayFailureKind.Rejected)));
    }

    public Task<GatewayResult<GatewayCancellation>> CancelAsync(string paymentKey, string reason, Money? cancelAmount, string idempotencyKey, CancellationToken cancellationToken = default) =>
        FreeOrder.IsKey(paymentKey)
            ? Task.FromResult(GatewayResult.Success(new GatewayCancellation(Money.Zero, reason, null, clock.GetUtcNow(), Money.Zero, PaymentStatus.Canceled, null)))
            : inner.CancelAsync(paymentKey, reason, cancelAmount, idempotencyKey, cancellationToken);

    public Task<GatewayResult<GatewayPaymentState>> GetByPaymentKeyAsync(string paymentKey, CancellationToken cancellationToken = default)
    {
        if (!FreeOrder.IsKey(paymentKey))
        {
            return inner.GetByPaymentKeyAsync(paymentKey, cancellationToken);
        }

        var approval = Approval(paymentKey, clock.GetUtcNow());
        return Task.FromResult(GatewayResult.Success(new GatewayPaymentState(paymentKey, FreeOrder.OrderIdOf(paymentKey), PaymentStatus.Done, Money.Zero, Money.Zero, Method, approval.ApprovedAt, [], null) { Approval = approval }));
    }

    public Task<GatewayResult<GatewayPaymentState>> GetByOrderIdAsync(string orderId, CancellationToken cancellationToken = default) =>
        inner.GetByOrderIdAsync(orderId, cancellationToken);

    private static GatewayApproval Approval(string paymentKey, DateTimeOffset now) =>
        new(paymentKey, Method, Money.Zero, Money.Zero, Money.Zero, now, now, null);
}
