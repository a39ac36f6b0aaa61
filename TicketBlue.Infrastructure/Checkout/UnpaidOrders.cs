using Microsoft.EntityFrameworkCore;
using TicketBlue.Domain.Checkout;
using TicketBlue.Domain.Payments;
using TicketBlue.Domain.Reservations;
using TicketBlue.Infrastructure.Persistence;

namespace TicketBlue.Infrastructure.Checkout;

/// <summary>What happens to a hold's unpaid order when the customer gives the seats back (the rule is <see cref="UnpaidOrder.EndForReleasedHold"/>).</summary>
internal static class UnpaidOrders
{
    /// <summary>
    /// Ends the unpaid order of a hold being released, in the release's transaction, and gives its
    /// coupon use back. Without this the order would keep its seats' reservation lines until its due
    /// time, and the next customer to hold those seats could not order them. A payment already sent
    /// to the gateway refuses the release: the seats may be paid for that very moment.
    /// </summary>
    public static async Task EndForReleasedHoldAsync(TicketBlueDbContext context, Guid holdId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var order = await context.Reservations
            .Include(reservation => reservation.Seats)
            .SingleOrDefaultAsync(reservation => reservation.SeatHoldId == holdId && reservation.Status == ReservationStatus.PendingPayment, cancellationToken);
        if (order is null)
        {
            return;
        }

        var payment = await context.Payments
            .Where(candidate => candidate.ReservationId == order.Id)
            .Select(candidate => (PaymentStatus?)candidate.Status)
            .SingleOrDefaultAsync(cancellationToken);
        UnpaidOrder.EndForReleasedHold(order, payment, now);
        await OrderRelease.ReleaseCouponAsync(context, order.Id, now, cancellationToken);
    }
}
