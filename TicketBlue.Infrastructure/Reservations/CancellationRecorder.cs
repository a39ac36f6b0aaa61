using System.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using TicketBlue.Domain.Common;
using TicketBlue.Domain.Coupons;
using TicketBlue.Domain.Payments;
using TicketBlue.Domain.Reservations;
using TicketBlue.Domain.Rounds;
using TicketBlue.Infrastructure.Auditing;
using TicketBlue.Infrastructure.Booking;
using TicketBlue.Infrastructure.Notifications.InApp;
using TicketBlue.Infrastructure.Observability;
using TicketBlue.Infrastructure.Persistence;

namespace TicketBlue.Infrastructure.Reservations;

/// <summary>What the gateway did and what is to be recorded for it.</summary>
internal sealed record CancellationRecord(
    CancellationSubject Subject,
    RefundPlan Plan,
    string SeatsHash,
    string Reason,
    int ClaimedVersion,
    GatewayCancellation? GatewayRefund,
    string? AdminUserId,
    DateTimeOffset Now);

/// <summary>
/// Records a cancellation whose refund the gateway has made, in one transaction: the reservation's seats
/// cancelled, the payment's refund, the seats back on sale, the coupon use given back (whole cancellation),
/// the outbox rows, the admin's audit entry, and the claim released. Only after commit are seat maps and
/// the customer's pages told. When it cannot be recorded (the reservation changed under the claim), it
/// says so with null and logs: money has moved, so the claim stays for a retry or an operator.
/// </summary>
public sealed partial class CancellationRecorder(
    IDbContextFactory<TicketBlueDbContext> contextFactory,
    IRoundSeatFeed seatFeed,
    IUserNoticeFeed noticeFeed,
    TicketBlueMetrics metrics,
    ILogger<CancellationRecorder> logger)
{
    internal async Task<CancellationOutcome?> RecordAsync(CancellationRecord record, CancellationToken cancellationToken)
    {
        var reservationId = record.Subject.Reservation.Id;
        Reservation reservation;
        List<RoundSeat> returned;
        try
        {
            await using var context = await contextFactory.CreateDbContextAsync(CancellationToken.None);
            await using var transaction = await context.Database.BeginTransactionAsync(IsolationLevel.ReadCommitted, CancellationToken.None);
            reservation = await context.Reservations.Include(candidate => candidate.Seats).SingleAsync(candidate => candidate.Id == reservationId, CancellationToken.None);
            if (reservation.Version != record.ClaimedVersion)
            {
                throw new DomainException("cancel.changed", "The reservation changed while its refund was being made.");
            }

            var before = Snapshot(reservation);
            reservation.CancelSeats(record.Plan.RefundBySeat, record.Reason, record.Now);
            await RecordPaymentAsync(context, record, reservation, CancellationToken.None);
            returned = await ReturnSeatsAsync(context, reservation.Id, record.Plan.RoundSeatIds, CancellationToken.None);
            if (reservation.Status == ReservationStatus.Cancelled && reservation.CouponId is { } couponId)
            {
                await RestoreCouponAsync(context, reservation.Id, couponId, record.Now, CancellationToken.None);
            }

            context.Notifications.AddRange(CancellationNotifications.Queue(record.Subject, record.Plan, record.SeatsHash, record.Reason, record.Now));
            if (record.AdminUserId is { } adminUserId)
            {
                await AuditAsync(context, adminUserId, reservation, before, record, CancellationToken.None);
            }

            await CancellationClaims.RemoveTrackedAsync(context, reservation.Id, CancellationToken.None);
            await context.SaveChangesAsync(CancellationToken.None);
            await transaction.CommitAsync(CancellationToken.None);
            if (record.GatewayRefund is not null)
            {
                metrics.Refunded();
            }
        }
        catch (Exception exception) when (exception is DomainException or DbUpdateException)
        {
            LogNotRecorded(logger, reservationId, record.GatewayRefund?.Amount.Won ?? 0, exception);
            return null;
        }

        await AnnounceAsync(record, reservation, returned, cancellationToken);
        return new CancellationOutcome(
            reservation.Id,
            record.Plan.RoundSeatIds,
            record.GatewayRefund?.Amount.Won ?? 0,
            reservation.Status == ReservationStatus.Cancelled);
    }

    private static async Task RecordPaymentAsync(TicketBlueDbContext context, CancellationRecord record, Reservation reservation, CancellationToken cancellationToken)
    {
        var payment = await context.Payments.SingleOrDefaultAsync(candidate => candidate.ReservationId == reservation.Id, cancellationToken);
        if (record.GatewayRefund is { } refund)
        {
            var gatewayReason = refund.Reason.Length is > 0 and <= 200 ? refund.Reason : Truncate(record.Reason, 200);
            (payment ?? throw new DomainException("cancel.no_payment", "The refunded payment is missing."))
                .RecordCancellation(refund.Amount, gatewayReason, refund.TransactionKey, refund.CanceledAt);
        }
        else if (reservation.Status == ReservationStatus.Cancelled
            && payment is { BalanceAmount.Won: 0, Status: PaymentStatus.Done or PaymentStatus.PartialCanceled })
        {
            // A 0-won order cancelled whole: nothing went back, but the payment is over too.
            payment.RecordCancellation(Money.Zero, Truncate(record.Reason, 200), null, record.Now);
        }
    }

    private static async Task<List<RoundSeat>> ReturnSeatsAsync(TicketBlueDbContext context, long reservationId, IReadOnlyList<long> roundSeatIds, CancellationToken cancellationToken)
    {
        var seats = await context.RoundSeats.Where(seat => roundSeatIds.Contains(seat.Id)).OrderBy(seat => seat.Id).ToListAsync(cancellationToken);
        foreach (var seat in seats)
        {
            seat.ReturnToSale(reservationId);
        }

        return seats;
    }

    /// <summary>The whole reservation is gone: its coupon use is released and counted back, conditionally.</summary>
    private static async Task RestoreCouponAsync(TicketBlueDbContext context, long reservationId, long couponId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var redemption = await context.CouponRedemptions.SingleOrDefaultAsync(candidate => candidate.ReservationId == reservationId, cancellationToken);
        if (redemption is null || redemption.Status == CouponRedemptionStatus.Released)
        {
            return;
        }

        redemption.Release(now);
        await context.Coupons
            .Where(coupon => coupon.Id == couponId && coupon.UsedQuantity > 0)
            .ExecuteUpdateAsync(
                set => set.SetProperty(coupon => coupon.UsedQuantity, coupon => coupon.UsedQuantity - 1).SetProperty(coupon => coupon.Version, coupon => coupon.Version + 1),
                cancellationToken);
    }

    private static async Task AuditAsync(TicketBlueDbContext context, string adminUserId, Reservation reservation, object before, CancellationRecord record, CancellationToken cancellationToken)
    {
        var email = await context.Users.Where(user => user.Id == adminUserId).Select(user => user.Email).SingleOrDefaultAsync(cancellationToken);
        var after = new
        {
            reservation.Status,
            Refunded = record.Plan.Refund.Won,
            Seats = record.Plan.Lines.Select(line => line.SeatLabel).ToList(),
            record.Reason,
        };
        AuditTrail.Record(context, new AdminActor(adminUserId, email ?? adminUserId), "reservation.cancelled", "Reservation", reservation.Id, before, after, record.Now);
    }

    private static object Snapshot(Reservation reservation) => new
    {
        reservation.Status,
        Refunded = reservation.RefundedAmount.Won,
        Seats = reservation.ActiveSeats.Select(seat => seat.SeatLabel).ToList(),
    };

    private async Task AnnounceAsync(CancellationRecord record, Reservation reservation, List<RoundSeat> returned, CancellationToken cancellationToken)
    {
        try
        {
            var changes = returned.Select(seat => new SeatStatus(seat.Id, SeatState.Available, null, null) { Version = seat.Version }).ToList();
            await seatFeed.PublishAsync(reservation.RoundId, changes);
            await noticeFeed.PublishAsync(CancellationNotifications.Notice(record.Subject, record.Plan, record.Now));
        }
        catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            // Committed already: seat maps catch up at their next resync, the e-mail is in the outbox.
            LogAnnounceFailed(logger, reservation.Id, exception);
        }
    }

    private static string Truncate(string value, int length) => value.Length > length ? value[..length] : value;

    [LoggerMessage(Level = LogLevel.Critical, Message = "Reservation {ReservationId}: the gateway refunded {Refunded} won but the cancellation could not be recorded; the claim stays for a retry")]
    private static partial void LogNotRecorded(ILogger logger, long reservationId, long refunded, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Reservation {ReservationId} was cancelled, but seat maps or the customer's pages could not be told")]
    private static partial void LogAnnounceFailed(ILogger logger, long reservationId, Exception exception);
}
