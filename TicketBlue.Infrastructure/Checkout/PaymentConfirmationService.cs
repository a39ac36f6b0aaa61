using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using MySqlConnector;
using TicketBlue.Domain.Common;
using TicketBlue.Domain.Payments;
using TicketBlue.Domain.Reservations;
using TicketBlue.Infrastructure.Notifications.InApp;
using TicketBlue.Infrastructure.Payments;
using TicketBlue.Infrastructure.Persistence;

namespace TicketBlue.Infrastructure.Checkout;

/// <summary>
/// The gateway's success and failure redirects. A confirm checks the order (owner, amount) before the
/// gateway hears of it, then claims the payment (InProgress, concurrency token) so that of any number of
/// identical redirects exactly one charges; the others wait for its outcome and give the same answer.
/// The rest — seats, charge, the one completing transaction, refunds — is <see cref="PaymentCompletion"/>.
/// </summary>
internal sealed class PaymentConfirmationService(
    IDbContextFactory<TicketBlueDbContext> contextFactory,
    PaymentCompletion completion,
    IUserNoticeFeed notices,
    IOptions<PaymentConfirmationOptions> options,
    TimeProvider clock) : IPaymentConfirmationService
{
    /// <summary>Toss's code for a customer who closed the payment window: nothing to tell anyone by mail.</summary>
    public const string CustomerCancelledCode = "PAY_PROCESS_CANCELED";

    public async Task<CheckoutResult<ConfirmedReservation>> ConfirmAsync(string userId, PaymentConfirmation confirmation, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(confirmation);
        ClaimedOrder order;
        await using (var context = await contextFactory.CreateDbContextAsync(cancellationToken))
        {
            var (payment, reservation) = await FindOrderAsync(context, userId, confirmation.OrderId, cancellationToken);
            if (payment is null || reservation is null)
            {
                return CheckoutResult.Failed<ConfirmedReservation>(CheckoutFailures.NotFound());
            }

            try
            {
                // A tampered amount never reaches the gateway.
                payment.EnsureAmountMatches(confirmation.Amount);
            }
            catch (DomainException exception)
            {
                return CheckoutResult.Failed<ConfirmedReservation>(exception);
            }

            if (Settled(payment, reservation, confirmation.PaymentKey) is { } settled)
            {
                return settled;
            }

            if (payment.Status == PaymentStatus.InProgress)
            {
                return payment.PaymentKey == confirmation.PaymentKey
                    ? await WaitForOutcomeAsync(payment.Id, confirmation.PaymentKey, cancellationToken)
                    : CheckoutResult.Failed<ConfirmedReservation>(CheckoutFailures.InProgress());
            }

            if (reservation.Status != ReservationStatus.PendingPayment)
            {
                return CheckoutResult.Failed<ConfirmedReservation>(CheckoutFailures.NotPayable());
            }

            try
            {
                payment.BeginConfirmation(confirmation.PaymentKey, clock.GetUtcNow());
                await context.SaveChangesAsync(cancellationToken);
            }
            catch (DomainException exception)
            {
                return CheckoutResult.Failed<ConfirmedReservation>(exception);
            }
            catch (DbUpdateConcurrencyException)
            {
                // A duplicate claimed it a moment earlier: its outcome is ours.
                return await WaitForOutcomeAsync(payment.Id, confirmation.PaymentKey, cancellationToken);
            }
            catch (DbUpdateException exception) when (exception.InnerException is MySqlException { ErrorCode: MySqlErrorCode.DuplicateKeyEntry })
            {
                // The key is another order's payment (payment keys are unique): refused before the gateway is asked.
                return CheckoutResult.Failed<ConfirmedReservation>(CheckoutFailures.KeyOfAnotherPayment());
            }

            order = ClaimedOrder.Of(payment, reservation);
        }

        return await completion.ChargeAsync(order, cancellationToken);
    }

    public async Task<CheckoutResult<FailedPayment>> RecordFailureAsync(string userId, PaymentFailureReport report, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(report);
        var now = clock.GetUtcNow();
        await using var context = await contextFactory.CreateDbContextAsync(cancellationToken);
        var (payment, reservation) = await FindOrderAsync(context, userId, report.OrderId, cancellationToken);
        if (payment is null || reservation is null)
        {
            return CheckoutResult.Failed<FailedPayment>(CheckoutFailures.NotFound());
        }

        switch (payment.Status)
        {
            case PaymentStatus.Done or PaymentStatus.PartialCanceled or PaymentStatus.Canceled:
                return CheckoutResult.Failed<FailedPayment>(CheckoutFailures.AlreadyProcessed());
            case PaymentStatus.InProgress:
                return CheckoutResult.Failed<FailedPayment>(CheckoutFailures.InProgress());
        }

        // The redirect's code and message come from a query string: the code is kept only when it looks
        // like one, and the sentence shown and mailed is ours for that code, never the message sent along.
        var code = PaymentFailureTexts.SafeCode(report.Code);
        var message = PaymentFailureTexts.For(code, GatewayFailureKind.Rejected);
        var repeated = payment.Status == PaymentStatus.Aborted && payment.FailureCode == code;
        var notify = code != CustomerCancelledCode && !repeated;
        if (payment.Status is PaymentStatus.Ready or PaymentStatus.Aborted && !repeated)
        {
            try
            {
                payment.Fail(code, message, now);
                if (notify)
                {
                    await OrderOutbox.QueueFailedAsync(context, reservation, payment.OrderId, message, code, now, cancellationToken);
                }

                await context.SaveChangesAsync(cancellationToken);
            }
            catch (DomainException exception)
            {
                return CheckoutResult.Failed<FailedPayment>(exception);
            }
            catch (DbUpdateConcurrencyException)
            {
                // The same failure redirect twice at once: the other one recorded it.
                notify = false;
            }
        }

        if (notify)
        {
            await notices.PublishAsync(new UserNotice(userId, UserNoticeKind.PaymentFailed, message, reservation.Id, null, now));
        }

        // The order stays 결제대기 until its due time; the page may send the customer to pay again until then.
        var canRetry = reservation.Status == ReservationStatus.PendingPayment && now < reservation.PaymentDueAt;
        return CheckoutResult.Success(new FailedPayment(reservation.Id, reservation.SeatHoldId, code, canRetry, reservation.PaymentDueAt));
    }

    /// <summary>The answer for an order that is already past confirmation, or null when it still may be confirmed.</summary>
    private static CheckoutResult<ConfirmedReservation>? Settled(Payment payment, Reservation reservation, string paymentKey)
    {
        if (payment.Status is PaymentStatus.Done or PaymentStatus.PartialCanceled && reservation.Status == ReservationStatus.Confirmed)
        {
            return payment.PaymentKey == paymentKey
                ? CheckoutResult.Success(new ConfirmedReservation(reservation.Id, reservation.Number, AlreadyConfirmed: true))
                : CheckoutResult.Failed<ConfirmedReservation>(CheckoutFailures.AlreadyPaid());
        }

        if (reservation.Status == ReservationStatus.Cancelled && reservation.ConfirmedAt is null && payment.PaymentKey == paymentKey)
        {
            // A repeat of a confirmation whose seats were lost after the charge (and refunded).
            return CheckoutResult.Failed<ConfirmedReservation>(CheckoutFailures.SeatsLostAfterCharge([]));
        }

        return payment.Status is PaymentStatus.Done or PaymentStatus.PartialCanceled or PaymentStatus.Canceled or PaymentStatus.Expired
            ? CheckoutResult.Failed<ConfirmedReservation>(CheckoutFailures.NotPayable())
            : null;
    }

    /// <summary>Polls for the outcome of the confirmation another request is carrying out.</summary>
    private async Task<CheckoutResult<ConfirmedReservation>> WaitForOutcomeAsync(long paymentId, string paymentKey, CancellationToken cancellationToken)
    {
        var waited = Stopwatch.StartNew();
        while (true)
        {
            await using (var context = await contextFactory.CreateDbContextAsync(cancellationToken))
            {
                var payment = await context.Payments.AsNoTracking().SingleAsync(candidate => candidate.Id == paymentId, cancellationToken);
                var reservation = await context.Reservations.AsNoTracking().SingleAsync(candidate => candidate.Id == payment.ReservationId, cancellationToken);
                if (payment.Status == PaymentStatus.Aborted && payment.PaymentKey == paymentKey)
                {
                    return CheckoutResult.Failed<ConfirmedReservation>(new CheckoutFailure(payment.FailureCode ?? PaymentFailureTexts.UnknownCode, []) { Error = PaymentFailureTexts.Error(payment.FailureCode ?? PaymentFailureTexts.UnknownCode, GatewayFailureKind.Rejected) });
                }

                if (payment.Status != PaymentStatus.InProgress && Settled(payment, reservation, paymentKey) is { } settled)
                {
                    return settled;
                }
            }

            if (waited.Elapsed >= options.Value.DuplicateWait)
            {
                return CheckoutResult.Failed<ConfirmedReservation>(CheckoutFailures.InProgress());
            }

            await Task.Delay(options.Value.DuplicatePollInterval, cancellationToken);
        }
    }

    private static async Task<(Payment? Payment, Reservation? Reservation)> FindOrderAsync(TicketBlueDbContext context, string userId, string orderId, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(orderId))
        {
            return (null, null);
        }

        var payment = await context.Payments.SingleOrDefaultAsync(candidate => candidate.OrderId == orderId, cancellationToken);
        if (payment is null)
        {
            return (null, null);
        }

        var reservation = await context.Reservations.Include(candidate => candidate.Seats)
            .SingleOrDefaultAsync(candidate => candidate.Id == payment.ReservationId && candidate.UserId == userId, cancellationToken);

        // Someone else's order looks exactly like a missing one.
        return reservation is null ? (null, null) : (payment, reservation);
    }
}
