using Microsoft.EntityFrameworkCore;
using TicketBlue.Domain.Payments;
using TicketBlue.Domain.Reservations;
using TicketBlue.Domain.Tickets;
using TicketBlue.Infrastructure.Persistence;

namespace TicketBlue.Web.Features.Reservations;

/// <summary>One reservation as its page shows it. Amounts are won; instants UTC (the page prints Seoul time).</summary>
public sealed record ReservationDetail(
    long Id,
    string Number,
    string UserId,
    // Only filled in for the back office; a customer knows their own address.
    string? CustomerEmail,
    long PerformanceId,
    string PerformanceTitle,
    string? PosterUrl,
    DateTimeOffset RoundStartsAt,
    string VenueName,
    string VenueAddress,
    ReservationStatus Status,
    ReservationState State,
    ReservationAmounts Amounts,
    string? CouponName,
    DateTimeOffset CreatedAt,
    DateTimeOffset? ConfirmedAt,
    DateTimeOffset? CancelledAt,
    string? CancellationReason,
    PaymentSummary? Payment,
    IReadOnlyList<ReservationSeatLine> Seats)
{
    /// <summary>A paid reservation with a seat left that has not been used at the door.</summary>
    public bool CanRequestCancellation =>
        Status == ReservationStatus.Confirmed && Seats.Any(seat => seat.IsActive && seat.CheckedInAt is null);
}

/// <summary>Subtotal − coupon discount = total; refunded is what went back so far.</summary>
public sealed record ReservationAmounts(long Subtotal, long Discount, long Total, long Refunded);

/// <summary>How it was paid: the gateway's method label (카드, 간편결제 …) and when the gateway approved it.</summary>
public sealed record PaymentSummary(PaymentProvider Provider, string? Method, PaymentStatus Status, DateTimeOffset? ApprovedAt);

/// <summary>
/// One seat. <see cref="TicketCode"/> is the signed code for the entry QR code, present only while the
/// seat is a sold ticket (active seat of a confirmed reservation).
/// </summary>
public sealed record ReservationSeatLine(
    long ReservationSeatId,
    long RoundSeatId,
    string SeatLabel,
    string Grade,
    long Price,
    long DiscountShare,
    bool IsActive,
    long Refunded,
    DateTimeOffset? CancelledAt,
    DateTimeOffset? CheckedInAt,
    string? TicketCode)
{
    public long Paid => Math.Max(0, Price - DiscountShare);
}

public interface IGetReservationDetailHandler
{
    /// <summary>The reservation if it is <paramref name="userId"/>'s own; null for anyone else's, as for one that does not exist.</summary>
    Task<ReservationDetail?> ForCustomerAsync(string userId, long reservationId, CancellationToken cancellationToken);

    /// <summary>Any reservation, with the customer's e-mail, for the back office.</summary>
    Task<ReservationDetail?> ForAdminAsync(long reservationId, CancellationToken cancellationToken);
}

public sealed class GetReservationDetailHandler(IDbContextFactory<TicketBlueDbContext> contextFactory, TicketCodeSigner signer) : IGetReservationDetailHandler
{
    public Task<ReservationDetail?> ForCustomerAsync(string userId, long reservationId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(userId);
        return LoadAsync(reservationId, userId, cancellationToken);
    }

    public Task<ReservationDetail?> ForAdminAsync(long reservationId, CancellationToken cancellationToken) =>
        LoadAsync(reservationId, null, cancellationToken);

    private async Task<ReservationDetail?> LoadAsync(long reservationId, string? ownerId, CancellationToken cancellationToken)
    {
        await using var context = await contextFactory.CreateDbContextAsync(cancellationToken);
        var reservations = context.Reservations.AsNoTracking().Where(reservation => reservation.Id == reservationId);
        if (ownerId is not null)
        {
            // The owner is part of the query: another customer's reservation is simply not found.
            reservations = reservations.Where(reservation => reservation.UserId == ownerId);
        }

        var head = await reservations
            .Select(reservation => new
            {
                Reservation = reservation,
                Round = context.Rounds.Where(round => round.Id == reservation.RoundId).Select(round => new { round.StartsAt }).First(),
                Performance = context.Performances
                    .Where(performance => performance.Id == reservation.PerformanceId)
                    .Select(performance => new
                    {
                        performance.Title,
                        PosterKey = performance.Poster == null ? null : performance.Poster.Key,
                        Venue = context.Venues.Where(venue => venue.Id == performance.VenueId).Select(venue => new { venue.Name, venue.Address }).First(),
                    })
                    .First(),
                CouponName = context.Coupons.Where(coupon => coupon.Id == reservation.CouponId).Select(coupon => coupon.Name).FirstOrDefault(),
                Email = context.Users.Where(user => user.Id == reservation.UserId).Select(user => user.Email).FirstOrDefault(),
            })
            .SingleOrDefaultAsync(cancellationToken);
        if (head is null)
        {
            return null;
        }

        var reservation = head.Reservation;
        var payment = await context.Payments
            .AsNoTracking()
            .Where(candidate => candidate.ReservationId == reservation.Id)
            .OrderByDescending(candidate => candidate.Id)
            .Select(candidate => new PaymentSummary(candidate.Provider, candidate.Method, candidate.Status, candidate.ApprovedAt))
            .FirstOrDefaultAsync(cancellationToken);
        var rows = await context.ReservationSeats
            .AsNoTracking()
            .Where(seat => seat.ReservationId == reservation.Id)
            .ToListAsync(cancellationToken);
        var sold = reservation.Status == ReservationStatus.Confirmed;
        var seats = rows
            .OrderBy(seat => seat.SeatLabel, StringComparer.Ordinal)
            .ThenBy(seat => seat.Id)
            .Select(seat =>
            {
                var active = seat.Status == ReservationSeatStatus.Active;
                return new ReservationSeatLine(
                    seat.Id,
                    seat.RoundSeatId,
                    seat.SeatLabel,
                    seat.Grade.Code,
                    seat.Price.Won,
                    seat.DiscountShare.Won,
                    active,
                    seat.RefundedAmount.Won,
                    seat.CancelledAt,
                    seat.CheckedInAt,
                    sold && active ? signer.Issue(seat.Id, reservation.Number) : null);
            })
            .ToList();

        return new ReservationDetail(
            reservation.Id,
            reservation.Number,
            reservation.UserId,
            ownerId is null ? head.Email : null,
            reservation.PerformanceId,
            head.Performance.Title,
            head.Performance.PosterKey is null ? null : MediaUrls.For(head.Performance.PosterKey),
            head.Round.StartsAt,
            head.Performance.Venue.Name,
            head.Performance.Venue.Address,
            reservation.Status,
            ReservationStates.From(reservation.Status, seats.Any(seat => !seat.IsActive)),
            new ReservationAmounts(reservation.Subtotal.Won, reservation.Discount.Won, reservation.Total.Won, reservation.RefundedAmount.Won),
            head.CouponName,
            reservation.CreatedAt,
            reservation.ConfirmedAt,
            reservation.CancelledAt,
            reservation.CancellationReason,
            payment,
            seats);
    }
}
