using System.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.Logging;
using MySqlConnector;
using TicketBlue.Domain.Checkout;
using TicketBlue.Domain.Common;
using TicketBlue.Domain.Coupons;
using TicketBlue.Domain.Payments;
using TicketBlue.Domain.Reservations;
using TicketBlue.Infrastructure.Booking;
using TicketBlue.Infrastructure.Localization;
using TicketBlue.Infrastructure.Persistence;

namespace TicketBlue.Infrastructure.Checkout;

/// <summary>
/// From a hold to an order waiting for payment. Prices and coupon rules come from the domain
/// (<see cref="CheckoutPricing"/>); placing an order is one READ COMMITTED transaction that locks the
/// customer's row first (one account's checkouts run one at a time), writes the coupon counters with
/// conditional UPDATEs (<see cref="CouponUseChanges"/>) and commits the reservation, its payment and
/// its coupon use together, or nothing. Seats stay held; the payment confirmation sells them.
/// </summary>
public sealed partial class CheckoutService(
    IDbContextFactory<TicketBlueDbContext> contextFactory,
    IPaymentGateway gateway,
    TimeProvider clock,
    ILogger<CheckoutService> logger) : ICheckoutService
{
    public async Task<CheckoutResult<CheckoutQuote>> QuoteAsync(string userId, Guid holdId, long? couponId, CancellationToken cancellationToken)
    {
        var now = clock.GetStoredNow();
        await using var context = await contextFactory.CreateDbContextAsync(cancellationToken);
        var hold = await context.SeatHolds.AsNoTracking().SingleOrDefaultAsync(candidate => candidate.Id == holdId, cancellationToken);
        if (hold is null)
        {
            return CheckoutResult.Failed<CheckoutQuote>(NotFound);
        }

        try
        {
            HoldCheckout.EnsureCanCheckOut(hold, userId, now);
            await context.Database.OpenConnectionAsync(cancellationToken);
            var seats = await HoldStatements.ReadHeldSeatsAsync(context.Database.GetDbConnection(), [holdId], cancellationToken);
            var lines = OrderSubject.Lines(hold, seats);
            var subject = await OrderSubject.LoadAsync(context, hold.RoundId, cancellationToken);

            // The coupon this hold's unpaid order holds is shown as it will be when the order is placed again.
            var draft = await context.CouponRedemptions
                .Where(redemption => redemption.Status == CouponRedemptionStatus.Reserved
                    && context.Reservations.Any(reservation => reservation.Id == redemption.ReservationId && reservation.SeatHoldId == holdId && reservation.Status == ReservationStatus.PendingPayment))
                .Select(redemption => new { redemption.ReservationId, redemption.CouponId })
                .SingleOrDefaultAsync(cancellationToken);
            var returned = new CouponUseChanges();
            if (draft is not null)
            {
                returned.Return(draft.CouponId);
            }

            var candidates = await CouponCandidates.LoadAsync(context, userId, null, draft?.ReservationId, returned, cancellationToken);
            var pricing = CheckoutPricing.For(subject.Round.PerformanceId, lines, candidates, now);
            var price = pricing.Preview(couponId);
            return CheckoutResult.Success(new CheckoutQuote(
                SeatHoldService.View(hold, subject.Round, seats, now),
                subject.Round.PerformanceId,
                subject.PerformanceTitle,
                null,
                subject.VenueName,
                subject.Round.StartsAt,
                pricing.Offers.Select(Option).ToList(),
                price.CouponId,
                price.Subtotal.Won,
                price.Discount.Won,
                price.Total.Won)
            {
                PosterKey = subject.PosterKey,
            });
        }
        catch (DomainException exception)
        {
            return CheckoutResult.Failed<CheckoutQuote>(exception);
        }
    }

    public async Task<CheckoutResult<PlacedOrder>> PlaceOrderAsync(string userId, Guid holdId, long? couponId, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await TryPlaceOrderAsync(userId, holdId, couponId, cancellationToken);
            }
            catch (Exception exception) when (TransientError(exception) is { } error)
            {
                // A deadlock or lock-wait timeout rolled everything back: safe to run the whole transaction again.
                LogBusy(logger, holdId, attempt, error);
                if (attempt == 3)
                {
                    return CheckoutResult.Failed<PlacedOrder>(Busy);
                }
            }
        }
    }

    private async Task<CheckoutResult<PlacedOrder>> TryPlaceOrderAsync(string userId, Guid holdId, long? couponId, CancellationToken cancellationToken)
    {
        var now = clock.GetStoredNow();
        await using var context = await contextFactory.CreateDbContextAsync(cancellationToken);
        await using var transaction = await context.Database.BeginTransactionAsync(IsolationLevel.ReadCommitted, cancellationToken);
        var connection = context.Database.GetDbConnection();
        var dbTransaction = transaction.GetDbTransaction();

        var customer = await CheckoutStatements.LockCustomerAsync(connection, dbTransaction, userId, cancellationToken);
        var hold = customer is null ? null : await context.SeatHolds.AsNoTracking().SingleOrDefaultAsync(candidate => candidate.Id == holdId, cancellationToken);
        if (customer is null || hold is null)
        {
            return CheckoutResult.Failed<PlacedOrder>(NotFound);
        }

        try
        {
            HoldCheckout.EnsureCanCheckOut(hold, userId, now);
            var seats = await HoldStatements.LockHoldSeatsAsync(connection, dbTransaction, holdId, cancellationToken);
            var lines = OrderSubject.Lines(hold, seats);
            var subject = await OrderSubject.LoadAsync(context, hold.RoundId, cancellationToken);
            var coupons = new CouponUseChanges();

            var previous = await context.Reservations.Include(reservation => reservation.Seats).SingleOrDefaultAsync(reservation => reservation.SeatHoldId == holdId, cancellationToken);
            if (previous is not null)
            {
                var payment = await context.Payments.SingleOrDefaultAsync(candidate => candidate.ReservationId == previous.Id, cancellationToken);
                var redemption = await context.CouponRedemptions.SingleOrDefaultAsync(candidate => candidate.ReservationId == previous.Id, cancellationToken);
                if (previous.Status == ReservationStatus.PendingPayment && DraftOrders.CanReuse(previous, payment, redemption, couponId))
                {
                    return CheckoutResult.Success(Placed(previous, payment!, customer));
                }

                DraftOrders.Replace(context, previous, payment, redemption, coupons);
            }

            await DraftOrders.ExpireOverdueAsync(context, holdId, lines.Select(line => line.RoundSeatId).ToList(), coupons, now, cancellationToken);
            await context.SaveChangesAsync(cancellationToken);

            // Counted under the customer lock, after the replaced order's use was deleted: exact.
            var candidates = couponId is null ? [] : await CouponCandidates.LoadAsync(context, userId, couponId, null, coupons, cancellationToken);
            var price = CheckoutPricing.For(subject.Round.PerformanceId, lines, candidates, now).Apply(couponId);
            if (price.CouponId is { } taken)
            {
                coupons.Take(taken);
            }

            if (!await coupons.ApplyAsync(connection, dbTransaction, now, cancellationToken))
            {
                await transaction.RollbackAsync(cancellationToken);
                return CheckoutResult.Failed<PlacedOrder>(new CheckoutFailure("coupon.sold_out", []));
            }

            var number = ReservationNumber.New(now);
            var reservation = Reservation.CreateFromHold(hold, subject.Round.PerformanceId, lines, price.CouponId, price.Discount, number, now);
            context.Reservations.Add(reservation);
            await context.SaveChangesAsync(cancellationToken);

            var order = Payment.Create(reservation.Id, OrderNaming.NewOrderId(number), OrderNaming.Name(subject.PerformanceTitle, lines), ProviderFor(price.Total), price.Total, now);
            context.Payments.Add(order);
            if (price.CouponId is { } couponUsed)
            {
                context.CouponRedemptions.Add(CouponRedemption.Reserve(couponUsed, userId, reservation.Id, price.Discount, now));
            }

            await context.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            LogPlaced(logger, reservation.Number, holdId, price.Total.Won, price.CouponId);
            return CheckoutResult.Success(Placed(reservation, order, customer));
        }
        catch (DomainException exception)
        {
            // Disposing the transaction without a commit rolls back whatever was written.
            return CheckoutResult.Failed<PlacedOrder>(exception);
        }
        catch (DbUpdateConcurrencyException)
        {
            return CheckoutResult.Failed<PlacedOrder>(Changed);
        }
    }

    private static PlacedOrder Placed(Reservation reservation, Payment payment, CustomerContact customer) =>
        new(
            reservation.Id,
            reservation.Number,
            payment.OrderId,
            payment.OrderName,
            payment.Amount.Won,
            payment.Provider,
            customer.Email,
            customer.DisplayName,
            reservation.PaymentDueAt);

    private static CouponOption Option(CouponOffer offer) =>
        new(offer.Coupon.Id, offer.Coupon.Code, offer.Coupon.Name, offer.DiscountLabel, offer.Discount.Won, offer.Applicable, offer.Refusal is { } refusal ? ErrorText.From(refusal) : null);

    /// <summary>A coupon that pays everything leaves nothing for a gateway: such an order is confirmed without one.</summary>
    private PaymentProvider ProviderFor(Money total) => total == Money.Zero ? PaymentProvider.Free : gateway.Provider;

    private static readonly CheckoutFailure NotFound = new("hold.not_found", []);

    private static readonly CheckoutFailure Changed = new("order.changed", []);

    private static readonly CheckoutFailure Busy = new("checkout.busy", []);

    private static MySqlErrorCode? TransientError(Exception exception) =>
        (exception as MySqlException ?? exception.InnerException as MySqlException) is { ErrorCode: MySqlErrorCode.LockDeadlock or MySqlErrorCode.LockWaitTimeout } mySql
            ? mySql.ErrorCode
            : null;

    [LoggerMessage(Level = LogLevel.Warning, Message = "Checkout of hold {HoldId} hit a lock conflict (attempt {Attempt}, {Error})")]
    private static partial void LogBusy(ILogger logger, Guid holdId, int attempt, MySqlErrorCode error);

    [LoggerMessage(Level = LogLevel.Information, Message = "Order {ReservationNumber} placed for hold {HoldId}: {Total} won, coupon {CouponId}")]
    private static partial void LogPlaced(ILogger logger, string reservationNumber, Guid holdId, long total, long? couponId);
}
