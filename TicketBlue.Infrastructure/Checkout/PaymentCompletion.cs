using System.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using TicketBlue.Domain.Common;
using TicketBlue.Domain.Coupons;
using TicketBlue.Domain.Payments;
using TicketBlue.Domain.Performances;
using TicketBlue.Domain.Reservations;
using TicketBlue.Domain.Rounds;
using TicketBlue.Infrastructure.Booking;
using TicketBlue.Infrastructure.Localization;
using TicketBlue.Infrastructure.Notifications.InApp;
using TicketBlue.Infrastructure.Observability;
using TicketBlue.Infrastructure.Persistence;

namespace TicketBlue.Infrastructure.Checkout;

/// <summary>
/// What happens to an order after its confirmation was claimed, shared by the customer's confirm and the
/// recovery step: secure the seats, charge (outside any transaction), then sell everything in one
/// transaction — or, when a seat was lost in the gap, record the charge, end the order and refund it.
/// "No money without a reservation": every path that took money either confirms the reservation or
/// leaves a Done payment of an unconfirmed order, which <see cref="RefundAsync"/> (and the recovery) refunds.
/// </summary>
internal sealed partial class PaymentCompletion(
    IDbContextFactory<TicketBlueDbContext> contextFactory,
    IPaymentGateway gateway,
    IRoundSeatFeed feed,
    IUserNoticeFeed notices,
    IOptions<PaymentConfirmationOptions> options,
    TicketBlueMetrics metrics,
    TimeProvider clock,
    ILogger<PaymentCompletion> logger)
{
    /// <summary>Checks the seats, asks the gateway to confirm and completes the order by the answer.</summary>
    public async Task<CheckoutResult<ConfirmedReservation>> ChargeAsync(ClaimedOrder order, CancellationToken cancellationToken)
    {
        bool shown;
        await using (var context = await contextFactory.CreateDbContextAsync(cancellationToken))
        {
            shown = await IsShownAsync(context, order.RoundId, cancellationToken);
        }

        if (!shown)
        {
            // The show was taken down after the hold: nothing is charged, and the answer is the unknown round's.
            var failure = CheckoutFailure.From(Round.NotFound());
            await FailAsync(order, failure.Code, ErrorTexts.InKorean(failure.Error), notify: false, cancellationToken);
            return CheckoutResult.Failed<ConfirmedReservation>(failure);
        }

        var lost = await SecureSeatsAsync(order, cancellationToken);
        if (lost.Count > 0)
        {
            var failure = CheckoutFailures.SeatsLostBeforeCharge(lost);
            await FailAsync(order, failure.Code, ErrorTexts.InKorean(failure.Error), notify: true, cancellationToken);
            return CheckoutResult.Failed<ConfirmedReservation>(failure);
        }

        var answer = await gateway.ConfirmAsync(order.PaymentKey, order.OrderId, order.Amount, order.ConfirmKey, cancellationToken);
        if (answer.Succeeded)
        {
            return await FinishAsync(order, answer.Value, cancellationToken);
        }

        var gatewayFailure = answer.Failure;
        switch (gatewayFailure.Kind)
        {
            case GatewayFailureKind.AlreadyProcessed:
                // Confirmed before (an answer we lost, or an idempotency window that ran out): look it up.
                var state = await gateway.GetByPaymentKeyAsync(order.PaymentKey, cancellationToken);
                if (state.Succeeded && !state.Value.IsFor(order.OrderId, order.Amount))
                {
                    // Another order's payment key: that payment stays as it is, and this order may be paid again.
                    LogKeyOfAnotherPayment(logger, order.OrderId);
                    var mismatch = CheckoutFailures.KeyOfAnotherPayment();
                    await FailAsync(order, mismatch.Code, ErrorTexts.InKorean(mismatch.Error), notify: false, cancellationToken);
                    return CheckoutResult.Failed<ConfirmedReservation>(mismatch);
                }

                if (state.Succeeded && state.Value.Approval is { } approval && state.Value.Status is PaymentStatus.Done)
                {
                    return await FinishAsync(order, approval, cancellationToken);
                }

                return CheckoutResult.Failed<ConfirmedReservation>(CheckoutFailures.UnknownOutcome());
            case GatewayFailureKind.Transient or GatewayFailureKind.UnknownOutcome:
                LogUnknownOutcome(logger, order.OrderId, gatewayFailure.Code);
                return CheckoutResult.Failed<ConfirmedReservation>(CheckoutFailures.UnknownOutcome());
            default:
                await FailAsync(order, gatewayFailure.Code, gatewayFailure.Message, notify: true, cancellationToken);
                return CheckoutResult.Failed<ConfirmedReservation>(CheckoutFailures.Rejected(gatewayFailure));
        }
    }

    /// <summary>
    /// The gateway approved: payment Done, reservation confirmed, seats sold, hold converted, coupon use
    /// redeemed and notifications queued, in one transaction. A seat lost in the gap turns it into a refund.
    /// </summary>
    public async Task<CheckoutResult<ConfirmedReservation>> FinishAsync(ClaimedOrder order, GatewayApproval approval, CancellationToken cancellationToken)
    {
        var now = clock.GetStoredNow();
        IReadOnlyList<OrderSeatRow> sold;
        await using (var context = await contextFactory.CreateDbContextAsync(cancellationToken))
        {
            await using var transaction = await context.Database.BeginTransactionAsync(IsolationLevel.ReadCommitted, cancellationToken);
            var (payment, reservation) = await LoadAsync(context, order, cancellationToken);
            if (payment.Status is PaymentStatus.Done && reservation.Status == ReservationStatus.Confirmed)
            {
                // Another node (recovery, or a slow duplicate) completed it first.
                return CheckoutResult.Success(new ConfirmedReservation(reservation.Id, reservation.Number, AlreadyConfirmed: true));
            }

            if (payment.Status != PaymentStatus.InProgress || payment.PaymentKey != order.PaymentKey)
            {
                // Settled otherwise meanwhile; an approval for it is refunded by the recovery step if money moved.
                return CheckoutResult.Failed<ConfirmedReservation>(CheckoutFailures.NotPayable());
            }

            if (!await IsShownAsync(context, order.RoundId, cancellationToken))
            {
                // Taken down while the gateway answered: the charge is recorded, the order ended and refunded.
                await transaction.RollbackAsync(cancellationToken);
                LogShowWithdrawnAfterCharge(logger, order.OrderId);
                return await AbandonChargedAsync(order, approval, CheckoutFailures.RoundGoneAfterCharge(), cancellationToken);
            }

            var (connection, dbTransaction) = Raw(context, transaction);
            var count = await ConfirmationStatements.SellSeatsAsync(connection, dbTransaction, order.RoundId, order.RoundSeatIds, order.HoldId, order.ReservationId, now, cancellationToken);
            var seats = await ConfirmationStatements.ReadSeatsAsync(connection, dbTransaction, order.RoundSeatIds, cancellationToken);
            if (count != order.RoundSeatIds.Count)
            {
                await transaction.RollbackAsync(cancellationToken);
                var lost = seats.Where(seat => seat.ReservationId != order.ReservationId).Select(seat => seat.ToHeldSeat()).ToList();
                LogSeatLostAfterCharge(logger, order.OrderId, lost.Count);
                return await AbandonChargedAsync(order, approval, CheckoutFailures.SeatsLostAfterCharge(lost), cancellationToken);
            }

            try
            {
                payment.Approve(approval);
                reservation.ConfirmWithSeatsSecured(now);
                var hold = await context.SeatHolds.SingleAsync(candidate => candidate.Id == order.HoldId, cancellationToken);
                hold.ConvertAfterPayment(reservation.Id);
                var redemption = await context.CouponRedemptions.SingleOrDefaultAsync(candidate => candidate.ReservationId == reservation.Id, cancellationToken);
                if (redemption is { Status: CouponRedemptionStatus.Reserved })
                {
                    redemption.MarkRedeemed(now);
                }

                await OrderOutbox.QueueConfirmedAsync(context, reservation, now, cancellationToken);
                await context.SaveChangesAsync(cancellationToken);
                await transaction.CommitAsync(cancellationToken);
                metrics.PaymentConfirmed();
            }
            catch (Exception exception) when (exception is DbUpdateConcurrencyException or DomainException)
            {
                // Someone changed the order meanwhile (recovery on another node); the money is safe at
                // the gateway and the payment stays InProgress, so the recovery step settles it.
                await transaction.RollbackAsync(cancellationToken);
                LogFinishConflict(logger, order.OrderId, exception);
                return CheckoutResult.Failed<ConfirmedReservation>(CheckoutFailures.UnknownOutcome());
            }

            sold = seats;
        }

        await feed.PublishAsync(order.RoundId, sold.Select(seat => seat.ToStatus()).ToList());
        await notices.PublishAsync(new UserNotice(
            order.UserId,
            UserNoticeKind.PaymentConfirmed,
            $"결제가 완료되었습니다. 예매번호 {order.ReservationNumber}",
            order.ReservationId,
            $"/reservations/{order.ReservationId}",
            now));
        return CheckoutResult.Success(new ConfirmedReservation(order.ReservationId, order.ReservationNumber, AlreadyConfirmed: false));
    }

    /// <summary>Marks the payment failed (no money moved) and, when <paramref name="notify"/>, tells the customer and operators.</summary>
    public async Task FailAsync(ClaimedOrder order, string code, string message, bool notify, CancellationToken cancellationToken)
    {
        var now = clock.GetStoredNow();
        await using var context = await contextFactory.CreateDbContextAsync(cancellationToken);
        await using var transaction = await context.Database.BeginTransactionAsync(IsolationLevel.ReadCommitted, cancellationToken);
        var (payment, reservation) = await LoadAsync(context, order, cancellationToken);
        if (payment.Status != PaymentStatus.InProgress || payment.PaymentKey != order.PaymentKey)
        {
            return;
        }

        payment.Fail(Truncate(code, 100), Truncate(message, 500), now);
        if (notify)
        {
            await OrderOutbox.QueueFailedAsync(context, reservation, order.OrderId, message, order.PaymentKey, now, cancellationToken);
        }

        try
        {
            await context.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            metrics.PaymentFailed();
        }
        catch (DbUpdateConcurrencyException)
        {
            // Settled elsewhere meanwhile; that outcome stands.
            return;
        }

        if (notify)
        {
            await notices.PublishAsync(new UserNotice(order.UserId, UserNoticeKind.PaymentFailed, message, order.ReservationId, null, now));
        }
    }

    /// <summary>
    /// Refunds a Done payment whose reservation was never confirmed, in full, and records the refund.
    /// Idempotent (the cancel key is derived from the order); a failure leaves it for the next recovery run.
    /// </summary>
    public async Task<bool> RefundAsync(ClaimedOrder order, CancellationToken cancellationToken)
    {
        var answer = await gateway.CancelAsync(order.PaymentKey, CheckoutFailures.AutoCancelReason, null, order.CancelKey, cancellationToken);
        GatewayCancellation? cancellation = answer.Succeeded ? answer.Value : null;
        if (!answer.Succeeded && answer.Failure.Kind == GatewayFailureKind.AlreadyProcessed)
        {
            var state = await gateway.GetByPaymentKeyAsync(order.PaymentKey, cancellationToken);
            cancellation = state.Succeeded && state.Value.Status == PaymentStatus.Canceled ? (state.Value.Cancellations.Count > 0 ? state.Value.Cancellations[^1] : null) : null;
        }

        if (cancellation is null)
        {
            LogRefundFailed(logger, order.OrderId, answer.Failure?.Code ?? "NO_CANCELLATION");
            return false;
        }

        await using var context = await contextFactory.CreateDbContextAsync(cancellationToken);
        var payment = await context.Payments.Include(candidate => candidate.Cancellations).SingleAsync(candidate => candidate.Id == order.PaymentId, cancellationToken);
        if (payment.Status is not (PaymentStatus.Done or PaymentStatus.PartialCanceled))
        {
            return true;
        }

        payment.RecordCancellation(payment.BalanceAmount, cancellation.Reason, cancellation.TransactionKey, cancellation.CanceledAt);
        try
        {
            await context.SaveChangesAsync(cancellationToken);
            metrics.Refunded();
        }
        catch (DbUpdateException exception)
        {
            // Recorded by another node at the same moment (concurrency token or the unique transaction key).
            LogRefundRecordConflict(logger, order.OrderId, exception);
        }

        return true;
    }

    /// <summary>
    /// Before charging, takes the order's seats for <see cref="PaymentConfirmationOptions.ChargeGrace"/>
    /// when they are still its own or free; returns the seats someone else has (then nothing was changed).
    /// </summary>
    private async Task<IReadOnlyList<HeldSeat>> SecureSeatsAsync(ClaimedOrder order, CancellationToken cancellationToken)
    {
        var now = clock.GetStoredNow();
        IReadOnlyList<OrderSeatRow> seats;
        await using (var context = await contextFactory.CreateDbContextAsync(cancellationToken))
        {
            await using var transaction = await context.Database.BeginTransactionAsync(IsolationLevel.ReadCommitted, cancellationToken);
            var (connection, dbTransaction) = Raw(context, transaction);
            var count = await ConfirmationStatements.SecureSeatsAsync(connection, dbTransaction, order.RoundId, order.RoundSeatIds, order.HoldId, order.UserId, now + options.Value.ChargeGrace, now, cancellationToken);
            seats = await ConfirmationStatements.ReadSeatsAsync(connection, dbTransaction, order.RoundSeatIds, cancellationToken);
            if (count != order.RoundSeatIds.Count)
            {
                await transaction.RollbackAsync(cancellationToken);
                return seats.Where(seat => seat.HoldId != order.HoldId || seat.State != SeatState.Held).Select(seat => seat.ToHeldSeat()).ToList();
            }

            await transaction.CommitAsync(cancellationToken);
        }

        await feed.PublishAsync(order.RoundId, seats.Select(seat => seat.ToStatus()).ToList());
        return [];
    }

    /// <summary>
    /// The order cannot be completed after the charge (a seat sold to someone else, the show taken down):
    /// record the charge, end the order (coupon use and remaining seats given back), queue the mails, then
    /// refund. The record comes first so that a crash before the refund leaves a Done payment of an
    /// unconfirmed order for the recovery to refund.
    /// </summary>
    private async Task<CheckoutResult<ConfirmedReservation>> AbandonChargedAsync(ClaimedOrder order, GatewayApproval approval, CheckoutFailure failure, CancellationToken cancellationToken)
    {
        var now = clock.GetStoredNow();
        IReadOnlyList<SeatRow> freed;
        await using (var context = await contextFactory.CreateDbContextAsync(cancellationToken))
        {
            await using var transaction = await context.Database.BeginTransactionAsync(IsolationLevel.ReadCommitted, cancellationToken);
            var (payment, reservation) = await LoadAsync(context, order, cancellationToken);
            payment.Approve(approval);
            reservation.Abandon(CheckoutFailures.AutoCancelReason, now);
            await OrderRelease.ReleaseCouponAsync(context, reservation.Id, now, cancellationToken);
            freed = await OrderRelease.EndHoldAsync(context, transaction, order.HoldId, now, cancellationToken);
            await OrderOutbox.QueueFailedAsync(context, reservation, order.OrderId, ErrorTexts.InKorean(failure.Error), "auto-cancel", now, cancellationToken);
            await context.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }

        await OrderRelease.PublishFreedAsync(feed, order.RoundId, freed);
        await RefundAsync(order, cancellationToken);
        await notices.PublishAsync(new UserNotice(order.UserId, UserNoticeKind.PaymentFailed, ErrorTexts.InKorean(failure.Error), order.ReservationId, null, now));
        return CheckoutResult.Failed<ConfirmedReservation>(failure);
    }

    /// <summary>Whether the order's show is still public (<see cref="Performance.IsPublic"/>), read now.</summary>
    private static async Task<bool> IsShownAsync(TicketBlueDbContext context, long roundId, CancellationToken cancellationToken) =>
        await RoundsForSale.FindAsync(context, roundId, cancellationToken) is { } sale && Performance.IsPublic(sale.PerformanceStatus);

    private static async Task<(Payment Payment, Reservation Reservation)> LoadAsync(TicketBlueDbContext context, ClaimedOrder order, CancellationToken cancellationToken)
    {
        var payment = await context.Payments.SingleAsync(candidate => candidate.Id == order.PaymentId, cancellationToken);
        var reservation = await context.Reservations.Include(candidate => candidate.Seats).SingleAsync(candidate => candidate.Id == order.ReservationId, cancellationToken);
        return (payment, reservation);
    }

    private static (System.Data.Common.DbConnection Connection, System.Data.Common.DbTransaction Transaction) Raw(TicketBlueDbContext context, IDbContextTransaction transaction) =>
        (context.Database.GetDbConnection(), transaction.GetDbTransaction());

    private static string Truncate(string value, int length) => value.Length <= length ? value : value[..length];

    [LoggerMessage(Level = LogLevel.Warning, Message = "Confirmation of order {OrderId} has no known outcome ({Code}); left in progress for the recovery step")]
    private static partial void LogUnknownOutcome(ILogger logger, string orderId, string code);

    [LoggerMessage(Level = LogLevel.Error, Message = "Order {OrderId} was charged but {Count} seat(s) had been sold to someone else; refunding")]
    private static partial void LogSeatLostAfterCharge(ILogger logger, string orderId, int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Order {OrderId} was charged but its show was taken down meanwhile; refunding")]
    private static partial void LogShowWithdrawnAfterCharge(ILogger logger, string orderId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Completing order {OrderId} conflicted with another change; the recovery step settles it")]
    private static partial void LogFinishConflict(ILogger logger, string orderId, Exception exception);

    [LoggerMessage(Level = LogLevel.Error, Message = "Refund of order {OrderId} failed ({Code}); the recovery step retries it")]
    private static partial void LogRefundFailed(ILogger logger, string orderId, string code);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Order {OrderId} was confirmed with the key of another order's payment; refused")]
    private static partial void LogKeyOfAnotherPayment(ILogger logger, string orderId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Recording the refund of order {OrderId} conflicted with another node")]
    private static partial void LogRefundRecordConflict(ILogger logger, string orderId, Exception exception);
}
