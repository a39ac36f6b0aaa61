using Microsoft.EntityFrameworkCore;
using TicketBlue.Domain.Common;
using TicketBlue.Domain.Payments;
using TicketBlue.Domain.Reservations;
using TicketBlue.Infrastructure.Persistence;

namespace TicketBlue.Infrastructure.Reservations;

/// <summary>A reservation with everything its cancellation needs to decide and to tell: round, coupon, payment, customer, show.</summary>
internal sealed record CancellationSubject(
    Reservation Reservation,
    DateTimeOffset RoundStartsAt,
    Money? CouponMinimumOrder,
    Payment? Payment,
    string CustomerEmail,
    string CustomerName,
    string PerformanceTitle)
{
    /// <summary>Reads the reservation untracked; null when it does not exist.</summary>
    public static async Task<CancellationSubject?> LoadAsync(TicketBlueDbContext context, long reservationId, CancellationToken cancellationToken)
    {
        var reservation = await context.Reservations.AsNoTracking().Include(candidate => candidate.Seats)
            .SingleOrDefaultAsync(candidate => candidate.Id == reservationId, cancellationToken);
        if (reservation is null)
        {
            return null;
        }

        var round = await context.Rounds.AsNoTracking().Where(candidate => candidate.Id == reservation.RoundId)
            .Select(candidate => new { candidate.StartsAt }).SingleAsync(cancellationToken);
        var title = await context.Performances.AsNoTracking().Where(candidate => candidate.Id == reservation.PerformanceId)
            .Select(candidate => candidate.Title).SingleAsync(cancellationToken);
        var minimum = reservation.CouponId is { } couponId
            ? await context.Coupons.AsNoTracking().Where(coupon => coupon.Id == couponId).Select(coupon => (Money?)coupon.MinimumOrder).SingleOrDefaultAsync(cancellationToken)
            : null;
        var payment = await context.Payments.AsNoTracking().SingleOrDefaultAsync(candidate => candidate.ReservationId == reservationId, cancellationToken);
        var customer = await context.Users.AsNoTracking().Where(user => user.Id == reservation.UserId)
            .Select(user => new { user.Email, user.DisplayName }).SingleOrDefaultAsync(cancellationToken);
        return new CancellationSubject(
            reservation,
            round.StartsAt,
            minimum,
            payment,
            customer?.Email ?? string.Empty,
            string.IsNullOrWhiteSpace(customer?.DisplayName) ? "고객" : customer.DisplayName,
            title);
    }
}
