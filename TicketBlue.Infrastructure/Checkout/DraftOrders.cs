using Microsoft.EntityFrameworkCore;
using TicketBlue.Domain.Checkout;
using TicketBlue.Domain.Coupons;
using TicketBlue.Domain.Payments;
using TicketBlue.Domain.Reservations;
using TicketBlue.Infrastructure.Persistence;

namespace TicketBlue.Infrastructure.Checkout;

/// <summary>
/// Unpaid orders (결제대기) that stand in the way of a new one: the persistence of the domain's rules
/// (<see cref="UnpaidOrder"/>), which decide what may be reused, replaced or expired.
/// <para>
/// Placing again for the same hold replaces the order by deleting it — reservation, its seats, its
/// payment and its coupon use, whose count goes back to the coupon — and writing a new one with a new
/// reservation number and a new order id. Not an update in place, because: a payment window opened
/// for the old order must never confirm the new amount (a new order id guarantees it); a failed
/// payment cannot be approved again (<see cref="Payment.Approve"/>), so a retry needs a new one; and a reservation can carry only one
/// coupon redemption row (unique ReservationId), so switching coupons in place would lose the old
/// row anyway. An unpaid order is a draft the customer never received a ticket for; nothing of it is
/// worth keeping. The reservation's and payment's Version tokens make the delete fail, rather than
/// win, against a payment confirmation that touched them in the meantime.
/// </para>
/// <para>
/// A pending order keeps its seats' <c>ActiveRoundSeatId</c>, so an order abandoned until its hold ran
/// out would block the next buyer of those seats forever. Such overdue orders are expired through the
/// domain (<see cref="Reservation.Expire"/>) and their coupon uses released, in the new order's transaction.
/// </para>
/// </summary>
internal static class DraftOrders
{
    /// <summary>An earlier order for the same hold that placing again should simply give back.</summary>
    public static bool CanReuse(Reservation previous, Payment? payment, CouponRedemption? redemption, long? couponId) =>
        UnpaidOrder.CanReuse(previous, payment?.Status, redemption?.Status, couponId);

    /// <summary>Deletes the earlier order for this hold (see the class remarks); its coupon use goes back.</summary>
    public static void Replace(TicketBlueDbContext context, Reservation previous, Payment? payment, CouponRedemption? redemption, CouponUseChanges coupons)
    {
        UnpaidOrder.EnsureReplaceable(previous, payment?.Status);
        if (redemption is not null)
        {
            if (redemption.Status != CouponRedemptionStatus.Released)
            {
                coupons.Return(redemption.CouponId);
            }

            context.CouponRedemptions.Remove(redemption);
        }

        if (payment is not null)
        {
            context.Payments.Remove(payment);
        }

        context.Reservations.Remove(previous);
    }

    /// <summary>Expires other unpaid orders still holding any of these seats once their payment is overdue, and releases their coupon uses.</summary>
    public static async Task ExpireOverdueAsync(TicketBlueDbContext context, Guid holdId, IReadOnlyCollection<long> roundSeatIds, CouponUseChanges coupons, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var blocking = await context.Reservations
            .Include(reservation => reservation.Seats)
            .Where(reservation => reservation.Status == ReservationStatus.PendingPayment && reservation.SeatHoldId != holdId)
            .Where(reservation => reservation.Seats.Any(seat => seat.ActiveRoundSeatId != null && roundSeatIds.Contains(seat.ActiveRoundSeatId.Value)))
            .ToListAsync(cancellationToken);
        foreach (var reservation in blocking)
        {
            UnpaidOrder.ExpireBlocking(reservation, now);
            var uses = await context.CouponRedemptions
                .Where(redemption => redemption.ReservationId == reservation.Id && redemption.Status == CouponRedemptionStatus.Reserved)
                .ToListAsync(cancellationToken);
            foreach (var use in uses)
            {
                use.Release(now);
                coupons.Return(use.CouponId);
            }
        }
    }
}
