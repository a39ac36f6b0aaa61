using Microsoft.EntityFrameworkCore;
using TicketBlue.Domain.Payments;
using TicketBlue.Domain.Reservations;
using TicketBlue.Infrastructure.Persistence;

namespace TicketBlue.Web.Features.Checkout;

/// <summary>
/// An order as the payment pages need it, read from the server's records: the gateway is always asked
/// for the amount and name stored with the order, never for what a query string says.
/// <see cref="IsPayable"/> is false once the order is paid, cancelled, or past its payment deadline.
/// </summary>
public sealed record PendingOrder(
    string OrderId,
    string OrderName,
    long Amount,
    PaymentProvider Provider,
    long ReservationId,
    Guid HoldId,
    DateTimeOffset PayBefore,
    bool IsPayable,
    string CustomerName,
    string CustomerEmail);

/// <summary>The caller's own order by its order id; null for an unknown order or another customer's.</summary>
public interface IGetPendingOrderHandler
{
    Task<PendingOrder?> HandleAsync(string userId, string orderId, CancellationToken cancellationToken);
}

internal sealed class GetPendingOrderHandler(IDbContextFactory<TicketBlueDbContext> contexts, TimeProvider clock) : IGetPendingOrderHandler
{
    public async Task<PendingOrder?> HandleAsync(string userId, string orderId, CancellationToken cancellationToken)
    {
        await using var context = await contexts.CreateDbContextAsync(cancellationToken);
        var row = await (
                from payment in context.Payments.AsNoTracking()
                join reservation in context.Reservations.AsNoTracking() on payment.ReservationId equals reservation.Id
                join user in context.Users.AsNoTracking() on reservation.UserId equals user.Id into users
                from user in users.DefaultIfEmpty()
                where payment.OrderId == orderId && reservation.UserId == userId
                select new
                {
                    payment.OrderId,
                    payment.OrderName,
                    payment.Amount,
                    payment.Provider,
                    PaymentStatus = payment.Status,
                    ReservationId = reservation.Id,
                    reservation.SeatHoldId,
                    reservation.PaymentDueAt,
                    ReservationStatus = reservation.Status,
                    DisplayName = user == null ? null : user.DisplayName,
                    Email = user == null ? null : user.Email,
                })
            .SingleOrDefaultAsync(cancellationToken);
        if (row is null)
        {
            return null;
        }

        var payable = row.ReservationStatus == ReservationStatus.PendingPayment
            && row.PaymentStatus is PaymentStatus.Ready or PaymentStatus.InProgress
            && row.PaymentDueAt > clock.GetUtcNow();
        return new PendingOrder(
            row.OrderId, row.OrderName, row.Amount.Won, row.Provider, row.ReservationId, row.SeatHoldId, row.PaymentDueAt, payable, row.DisplayName ?? string.Empty, row.Email ?? string.Empty);
    }
}
