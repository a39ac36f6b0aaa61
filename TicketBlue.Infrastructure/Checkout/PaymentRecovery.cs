using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using TicketBlue.Domain.Payments;
using TicketBlue.Domain.Reservations;
using TicketBlue.Infrastructure.Payments;
using TicketBlue.Infrastructure.Persistence;

namespace TicketBlue.Infrastructure.Checkout;

/// <summary>What one recovery run did.</summary>
public sealed record RecoveryRun(int Reconciled, int Refunded, int Expired);

/// <summary>
/// Settles what the request path could not; the batch job <see cref="PaymentRecoveryJob"/> runs it every minute on one
/// node of the cluster at a time (ADR-009):
/// <list type="number">
/// <item>confirmations still InProgress after <see cref="PaymentRecoveryOptions.StaleAfter"/> (a node died, an
/// answer was lost): taken over per row (<see cref="Payment.ClaimForRecovery"/> under the concurrency token, so
/// two nodes never both act) and asked of the gateway by order id — DONE completes the order (or refunds it if
/// a seat was lost), an authorization not yet confirmed is confirmed with the same idempotency key, anything
/// else fails the payment;</item>
/// <item>Done payments of orders that were never confirmed are refunded ("no money without a reservation");</item>
/// <item>unpaid orders past due are expired (<see cref="UnpaidOrderExpiry"/>).</item>
/// </list>
/// </summary>
public sealed partial class PaymentRecovery(
    IServiceScopeFactory scopes,
    IDbContextFactory<TicketBlueDbContext> contextFactory,
    IOptions<PaymentRecoveryOptions> options,
    IOptions<PaymentConfirmationOptions> confirmation,
    TimeProvider clock,
    ILogger<PaymentRecovery> logger)
{
    public async Task<RecoveryRun> RunOnceAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var completion = scope.ServiceProvider.GetRequiredService<PaymentCompletion>();
        var gateway = scope.ServiceProvider.GetRequiredService<IPaymentGateway>();
        var expiry = scope.ServiceProvider.GetRequiredService<UnpaidOrderExpiry>();
        var now = clock.GetUtcNow();
        var settings = options.Value;

        var reconciled = 0;
        foreach (var paymentId in await StaleConfirmationsAsync(now - settings.StaleAfter, settings.BatchSize, cancellationToken))
        {
            if (await ClaimAsync(paymentId, now, cancellationToken) is { } order)
            {
                reconciled += await ReconcileAsync(order, gateway, completion, cancellationToken) ? 1 : 0;
            }
        }

        var refunded = 0;
        foreach (var order in await UnconfirmedChargesAsync(settings.BatchSize, cancellationToken))
        {
            refunded += await completion.RefundAsync(order, cancellationToken) ? 1 : 0;
        }

        var expired = await expiry.ExpireAsync(now, now - confirmation.Value.ChargeGrace, settings.BatchSize, cancellationToken);
        return new RecoveryRun(reconciled, refunded, expired);
    }

    /// <summary>Asks the gateway what became of a confirmation and settles the order by the answer; true when settled.</summary>
    private async Task<bool> ReconcileAsync(ClaimedOrder order, IPaymentGateway gateway, PaymentCompletion completion, CancellationToken cancellationToken)
    {
        if (FreeOrder.IsKeyOf(order.PaymentKey, order.OrderId))
        {
            // No gateway to ask: nothing was charged, so finishing the confirmation is always safe.
            var finished = await completion.ChargeAsync(order, cancellationToken);
            return finished.Failure?.Code != CheckoutFailures.UnknownOutcome().Code;
        }

        var state = await gateway.GetByOrderIdAsync(order.OrderId, cancellationToken);
        if (!state.Succeeded)
        {
            if (state.Failure.Kind != GatewayFailureKind.NotFound)
            {
                LogStillUnknown(logger, order.OrderId, state.Failure.Code);
                return false;
            }

            await completion.FailAsync(order, state.Failure.Code, PaymentFailureTexts.NotCompleted, notify: true, cancellationToken);
            return true;
        }

        switch (state.Value.Status)
        {
            case PaymentStatus.Done or PaymentStatus.PartialCanceled when state.Value.Approval is { } approval:
                await completion.FinishAsync(order, approval, cancellationToken);
                return true;
            case PaymentStatus.Ready or PaymentStatus.InProgress:
                // Authorized but never confirmed (our confirm did not arrive): confirm now, same idempotency key.
                var result = await completion.ChargeAsync(order, cancellationToken);
                return result.Failure?.Code != CheckoutFailures.UnknownOutcome().Code;
            case PaymentStatus.WaitingForDeposit:
                return false;
            default:
                await completion.FailAsync(order, $"GATEWAY_{state.Value.Status}".ToUpperInvariant(), PaymentFailureTexts.NotCompleted, notify: true, cancellationToken);
                return true;
        }
    }

    private async Task<List<long>> StaleConfirmationsAsync(DateTimeOffset claimedBefore, int batchSize, CancellationToken cancellationToken)
    {
        await using var context = await contextFactory.CreateDbContextAsync(cancellationToken);
        return await context.Payments.AsNoTracking()
            .Where(payment => payment.Status == PaymentStatus.InProgress && payment.RequestedAt <= claimedBefore)
            .OrderBy(payment => payment.RequestedAt)
            .Select(payment => payment.Id)
            .Take(batchSize)
            .ToListAsync(cancellationToken);
    }

    /// <summary>Takes one stale confirmation over; null when another node took it first.</summary>
    private async Task<ClaimedOrder?> ClaimAsync(long paymentId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var context = await contextFactory.CreateDbContextAsync(cancellationToken);
        var payment = await context.Payments.SingleAsync(candidate => candidate.Id == paymentId, cancellationToken);
        if (payment.Status != PaymentStatus.InProgress || payment.RequestedAt > now - options.Value.StaleAfter)
        {
            return null;
        }

        var reservation = await context.Reservations.Include(candidate => candidate.Seats).SingleAsync(candidate => candidate.Id == payment.ReservationId, cancellationToken);
        payment.ClaimForRecovery(now);
        try
        {
            await context.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return null;
        }

        return ClaimedOrder.Of(payment, reservation);
    }

    private async Task<List<ClaimedOrder>> UnconfirmedChargesAsync(int batchSize, CancellationToken cancellationToken)
    {
        await using var context = await contextFactory.CreateDbContextAsync(cancellationToken);
        var rows = await (
                from payment in context.Payments
                join reservation in context.Reservations.Include(candidate => candidate.Seats) on payment.ReservationId equals reservation.Id
                where (payment.Status == PaymentStatus.Done || payment.Status == PaymentStatus.PartialCanceled)
                      && (reservation.Status == ReservationStatus.Cancelled || reservation.Status == ReservationStatus.Expired)
                      && reservation.ConfirmedAt == null
                select new { payment, reservation })
            .AsNoTracking()
            .Take(batchSize)
            .ToListAsync(cancellationToken);
        return rows.Select(row => ClaimedOrder.Of(row.payment, row.reservation)).ToList();
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The gateway could not say what became of order {OrderId} ({Code}); trying again next run")]
    private static partial void LogStillUnknown(ILogger logger, string orderId, string code);
}
