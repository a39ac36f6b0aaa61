using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using TicketBlue.Domain.Common;
using TicketBlue.Domain.Payments;
using TicketBlue.Domain.Reservations;
using TicketBlue.Infrastructure.Localization;
using TicketBlue.Infrastructure.Payments;
using TicketBlue.Infrastructure.Persistence;

namespace TicketBlue.Infrastructure.Reservations;

/// <summary>
/// Customer and admin cancellations. The rules (cut-off, fee, coupon minimum) are the domain's
/// <see cref="RefundPlan"/>; this class runs the steps: quote, claim (<see cref="CancellationClaims"/>),
/// refund at the gateway outside any transaction, then record everything in one transaction
/// (<see cref="CancellationRecorder"/>) and tell seat maps and the customer's pages.
/// </summary>
public sealed partial class ReservationCancellationService(
    IDbContextFactory<TicketBlueDbContext> contextFactory,
    IPaymentGateway gateway,
    CancellationRecorder recorder,
    IOptions<CancellationOptions> options,
    TimeProvider clock,
    ILogger<ReservationCancellationService> logger) : IReservationCancellationService
{
    private const string CustomerReason = "고객 요청";

    private readonly RefundPolicy _policy = options.Value.ToPolicy();

    public async Task<RefundQuote?> QuoteAsync(string userId, long reservationId, IReadOnlyCollection<long>? roundSeatIds, CancellationToken cancellationToken)
    {
        await using var context = await contextFactory.CreateDbContextAsync(cancellationToken);
        var subject = await CancellationSubject.LoadAsync(context, reservationId, cancellationToken);
        if (subject is null || !IsOwner(subject, userId))
        {
            return null;
        }

        var plan = CustomerPlan(subject, roundSeatIds, clock.GetStoredNow());
        return RefundQuotes.From(plan, _policy.CancellableUntil(subject.RoundStartsAt));
    }

    public Task<CancellationResult> CancelAsync(string userId, long reservationId, IReadOnlyCollection<long>? roundSeatIds, string reason, CancellationToken cancellationToken) =>
        RunAsync(
            reservationId,
            userId,
            subject => IsOwner(subject, userId) ? CustomerPlan(subject, roundSeatIds, clock.GetStoredNow()) : null,
            string.IsNullOrWhiteSpace(reason) ? CustomerReason : reason.Trim(),
            adminUserId: null,
            cancellationToken);

    public Task<CancellationResult> CancelByAdminAsync(string adminUserId, long reservationId, string reason, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(reason))
        {
            return Task.FromResult(CancellationResult.Failed("cancel.reason_required"));
        }

        return RunAsync(reservationId, adminUserId, subject => RefundPlan.ForAdmin(subject.Reservation), reason.Trim(), adminUserId, cancellationToken);
    }

    private async Task<CancellationResult> RunAsync(
        long reservationId,
        string actorUserId,
        Func<CancellationSubject, RefundPlan?> planFor,
        string reason,
        string? adminUserId,
        CancellationToken cancellationToken)
    {
        if (reason.Length > 500)
        {
            return CancellationResult.Failed("cancel.reason_too_long");
        }

        await using var context = await contextFactory.CreateDbContextAsync(cancellationToken);
        var subject = await CancellationSubject.LoadAsync(context, reservationId, cancellationToken);
        var plan = subject is null ? null : planFor(subject);
        if (subject is null || plan is null)
        {
            return CancellationResult.Failed("cancel.not_found");
        }

        if (plan.Refusal is { } refusal)
        {
            return CancellationResult.Failed(refusal);
        }

        var refund = plan.Refund;
        if (refund > Money.Zero && subject.Payment?.PaymentKey is null)
        {
            LogNoPayment(logger, reservationId);
            return CancellationResult.Failed("cancel.no_payment");
        }

        var seatsHash = CancellationClaims.SeatsHash(plan.RoundSeatIds);
        var now = clock.GetStoredNow();
        var claim = await CancellationClaims.TryClaimAsync(
            context, reservationId, subject.Reservation.Version, seatsHash, actorUserId, now, options.Value.ClaimLease, cancellationToken);
        if (ClaimRefusal(claim) is { } notClaimed)
        {
            return notClaimed;
        }

        GatewayCancellation? gatewayRefund = null;
        if (refund > Money.Zero)
        {
            var payment = subject.Payment!;
            var result = await gateway.CancelAsync(
                payment.PaymentKey!,
                reason.Length > 200 ? reason[..200] : reason,
                refund == payment.BalanceAmount ? null : refund,
                CancellationClaims.IdempotencyKey(payment.OrderId, seatsHash),
                cancellationToken);
            if (!result.Succeeded)
            {
                return await GatewayFailedAsync(context, reservationId, result.Failure);
            }

            gatewayRefund = result.Value;
            if (gatewayRefund.Amount != refund)
            {
                LogAmountDiffers(logger, reservationId, refund.Won, gatewayRefund.Amount.Won);
            }
        }

        var outcome = await recorder.RecordAsync(
            new CancellationRecord(subject, plan, seatsHash, reason, subject.Reservation.Version + 1, gatewayRefund, adminUserId, clock.GetStoredNow()),
            cancellationToken);
        if (outcome is null)
        {
            await CancellationClaims.MarkUnresolvedAsync(context, reservationId, clock.GetStoredNow(), CancellationToken.None);
            return CancellationResult.Failed("cancel.record_failed");
        }

        return CancellationResult.Success(outcome);
    }

    private RefundPlan CustomerPlan(CancellationSubject subject, IReadOnlyCollection<long>? roundSeatIds, DateTimeOffset now) =>
        RefundPlan.ForCustomer(subject.Reservation, roundSeatIds, subject.RoundStartsAt, subject.CouponMinimumOrder, _policy, now);

    private static bool IsOwner(CancellationSubject subject, string userId) =>
        string.Equals(subject.Reservation.UserId, userId, StringComparison.Ordinal);

    private static CancellationResult? ClaimRefusal(ClaimOutcome claim) => claim switch
    {
        ClaimOutcome.Claimed => null,
        ClaimOutcome.Changed => CancellationResult.Failed("cancel.changed"),
        ClaimOutcome.InProgress => CancellationResult.Failed("cancel.in_progress"),
        _ => CancellationResult.Failed("cancel.unresolved"),
    };

    /// <summary>
    /// A refusal moved no money: the claim goes and nothing has changed. Any other failure may have moved
    /// money: the claim stays for a retry of the same seats, which the idempotency key keeps to one refund.
    /// </summary>
    private async Task<CancellationResult> GatewayFailedAsync(TicketBlueDbContext context, long reservationId, GatewayFailure failure)
    {
        if (failure.Kind is GatewayFailureKind.Rejected or GatewayFailureKind.NotFound or GatewayFailureKind.Configuration)
        {
            LogRefused(logger, reservationId, failure.Code, failure.Kind);
            await CancellationClaims.ReleaseAsync(context, reservationId, CancellationToken.None);
            return CancellationResult.Failed(new ErrorText("cancel.refund_refused", PaymentFailureTexts.Error(failure.Code, failure.Kind)));
        }

        LogUnknown(logger, reservationId, failure.Code, failure.Kind);
        await CancellationClaims.MarkUnresolvedAsync(context, reservationId, clock.GetStoredNow(), CancellationToken.None);
        return CancellationResult.Failed("cancel.refund_unknown");
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Reservation {ReservationId} has a refund to make but no approved payment")]
    private static partial void LogNoPayment(ILogger logger, long reservationId);

    [LoggerMessage(Level = LogLevel.Error, Message = "Refund of reservation {ReservationId}: asked {Asked} won, the gateway reports {Reported} won")]
    private static partial void LogAmountDiffers(ILogger logger, long reservationId, long asked, long reported);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The gateway refused the refund of reservation {ReservationId} ({Code}, {Kind}); nothing changed")]
    private static partial void LogRefused(ILogger logger, long reservationId, string code, GatewayFailureKind kind);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The refund of reservation {ReservationId} has no known outcome ({Code}, {Kind}); the claim waits for a retry")]
    private static partial void LogUnknown(ILogger logger, long reservationId, string code, GatewayFailureKind kind);
}
