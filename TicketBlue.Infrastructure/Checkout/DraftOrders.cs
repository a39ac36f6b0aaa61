using Microsoft.EntityFrameworkCore;
using TicketBlue.Domain.Common;
using TicketBlue.Domain.Coupons;
using TicketBlue.Domain.Payments;
using TicketBlue.Domain.Reservations;
using TicketBlue.Infrastructure.Persistence;

namespace TicketBlue.Infrastructure.Checkout;

/// <summary>
/// Unpaid orders (결제대기) that stand in the way of a new one.
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
        previous.CouponId == couponId
        && payment is { Status: PaymentStatus.Ready or PaymentStatus.InProgress or PaymentStatus.WaitingForDeposit }
        && (couponId is null || redemption is { Status: CouponRedemptionStatus.Reserved });

    /// <summary>Deletes the earlier order for this hold (see the class remarks); its coupon use goes back.</summary>
    public static void Replace(TicketBlueDbContext context, Reservation previous, Payment? payment, CouponRedemption? redemption, CouponUseChanges coupons)
    {
        if (previous.Status != ReservationStatus.PendingPayment)
        {
            throw new DomainException("reservation.not_pending", "이미 처리된 주문입니다. 예매 내역을 확인해 주세요.");
        }

        if (payment is { Status: PaymentStatus.InProgress or PaymentStatus.WaitingForDeposit })
        {
            throw new DomainException("order.payment_in_progress", "결제가 진행 중인 주문은 바꿀 수 없습니다. 결제를 마친 뒤 예매 내역을 확인해 주세요.");
        }

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
            if (now < reservation.PaymentDueAt)
            {
                // Its hold was released early while its order waited; the seats are ours now, but the
                // domain only expires an order once it is overdue. Rare, and it clears by itself.
                throw new DomainException("seat.pending_order", "이 좌석의 이전 주문이 아직 정리되지 않았습니다. 잠시 후 다시 시도해 주세요.");
            }

            reservation.Expire(now);
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
