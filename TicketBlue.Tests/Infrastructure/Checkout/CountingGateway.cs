using TicketBlue.Domain.Common;
using TicketBlue.Domain.Payments;

namespace TicketBlue.Tests.Infrastructure.Checkout;

/// <summary>
/// The demo gateway (real Redis) with every confirm and cancel counted, and a hook that runs while a
/// confirm is "at the gateway" — where a test lets another customer take a seat.
/// </summary>
internal sealed class CountingGateway(IPaymentGateway inner) : IPaymentGateway
{
    private int _confirms;
    private int _cancels;

    public int Confirms => Volatile.Read(ref _confirms);

    public int Cancels => Volatile.Read(ref _cancels);

    public Func<Task>? DuringConfirm { get; set; }

    /// <summary>When set, answers confirms itself (as Toss answers a key it confirmed before: ALREADY_PROCESSED, whatever the order).</summary>
    public GatewayFailure? ConfirmFailure { get; set; }

    public PaymentProvider Provider => inner.Provider;

    public async Task<GatewayResult<GatewayApproval>> ConfirmAsync(string paymentKey, string orderId, Money amount, string idempotencyKey, CancellationToken cancellationToken = default)
    {
        Interlocked.Increment(ref _confirms);
        if (ConfirmFailure is { } failure)
        {
            return GatewayResult.Fail<GatewayApproval>(failure);
        }

        var result = await inner.ConfirmAsync(paymentKey, orderId, amount, idempotencyKey, cancellationToken);
        if (DuringConfirm is { } hook)
        {
            await hook();
        }

        return result;
    }

    public Task<GatewayResult<GatewayCancellation>> CancelAsync(string paymentKey, string reason, Money? cancelAmount, string idempotencyKey, CancellationToken cancellationToken = default)
    {
        Interlocked.Increment(ref _cancels);
        return inner.CancelAsync(paymentKey, reason, cancelAmount, idempotencyKey, cancellationToken);
    }

    public Task<GatewayResult<GatewayPaymentState>> GetByPaymentKeyAsync(string paymentKey, CancellationToken cancellationToken = default) =>
        inner.GetByPaymentKeyAsync(paymentKey, cancellationToken);

    public Task<GatewayResult<GatewayPaymentState>> GetByOrderIdAsync(string orderId, CancellationToken cancellationToken = default) =>
        inner.GetByOrderIdAsync(orderId, cancellationToken);
}
