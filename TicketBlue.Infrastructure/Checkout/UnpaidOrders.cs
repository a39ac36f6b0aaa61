using Microsoft.EntityFrameworkCore;
using TicketBlue.Domain.Common;
using TicketBlue.Domain.Payments;
using TicketBlue.Domain.Reservations;
using TicketBlue.Infrastructure.Persistence;

namespace TicketBlue.Infrastructure.Checkout;

/// <summary>What happens to a hold's unpaid order when the customer gives the seats back.</summary>
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

        var paymentInProgress = await context.Payments.AnyAsync(
            payment => payment.ReservationId == order.Id && (payment.Status == PaymentStatus.InProgress || payment.Status == PaymentStatus.WaitingForDeposit),
            cancellationToken);
        if (paymentInProgress)
        {
            throw new DomainException("order.payment_in_progress", "결제가 진행 중이라 좌석을 해제할 수 없습니다. 결제를 마친 뒤 예매 내역을 확인해 주세요.");
        }

        order.Abandon("고객이 좌석 선점을 해제했습니다.", now);
        await OrderRelease.ReleaseCouponAsync(context, order.Id, now, cancellationToken);
    }
}
