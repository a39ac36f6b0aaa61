using Microsoft.EntityFrameworkCore;
using TicketBlue.Domain.Reservations;
using TicketBlue.Domain.Rounds;
using TicketBlue.Infrastructure.Persistence;

namespace TicketBlue.Infrastructure.Notifications.Reminders;

/// <summary>One confirmed reservation to remind, with everything its message says.</summary>
internal sealed record ReminderRecipient(
    long ReservationId,
    string ReservationNumber,
    string UserId,
    string? Email,
    string CustomerName,
    string PerformanceTitle,
    string VenueName,
    DateTimeOffset StartsAt,
    IReadOnlyList<string> Seats);

/// <summary>A chunk of recipients and the cursor after it; <see cref="Next"/> is null when no round is left.</summary>
internal sealed record ReminderBatch(IReadOnlyList<ReminderRecipient> Recipients, ReminderCursor? Next);

/// <summary>
/// Reads the next chunk of confirmed reservations of the chosen rounds, read afresh from the database
/// in every chunk (never a list made once at start-up): the first round from the cursor on that is still
/// scheduled, then up to <c>size</c> of its confirmed reservations after the cursor, in two queries (the
/// reservations with customer, show and venue; then their seats for all of them at once).
/// </summary>
internal static class ReminderAudience
{
    public static async Task<ReminderBatch> ReadAsync(
        TicketBlueDbContext context,
        IQueryable<Round> rounds,
        ReminderCursor cursor,
        int size,
        bool withoutReview,
        CancellationToken cancellationToken)
    {
        var roundId = await rounds
            .Where(round => round.Status == RoundStatus.Scheduled && round.Id >= cursor.RoundId)
            .OrderBy(round => round.Id)
            .Select(round => (long?)round.Id)
            .FirstOrDefaultAsync(cancellationToken);
        if (roundId is null)
        {
            return new ReminderBatch([], null);
        }

        var after = roundId == cursor.RoundId ? cursor.ReservationId : 0;
        var reservations = context.Reservations.AsNoTracking()
            .Where(reservation => reservation.RoundId == roundId && reservation.Status == ReservationStatus.Confirmed && reservation.Id > after);
        if (withoutReview)
        {
            reservations = reservations.Where(reservation => !context.Reviews.Any(review => review.ReservationId == reservation.Id));
        }

        var rows = await (
                from reservation in reservations
                join user in context.Users.AsNoTracking() on reservation.UserId equals user.Id
                join round in context.Rounds.AsNoTracking() on reservation.RoundId equals round.Id
                join performance in context.Performances.AsNoTracking() on round.PerformanceId equals performance.Id
                join venue in context.Venues.AsNoTracking() on round.VenueId equals venue.Id
                orderby reservation.Id
                select new
                {
                    reservation.Id,
                    reservation.Number,
                    reservation.UserId,
                    user.Email,
                    user.DisplayName,
                    performance.Title,
                    VenueName = venue.Name,
                    round.StartsAt,
                })
            .Take(size)
            .ToListAsync(cancellationToken);
        var ids = rows.Select(row => row.Id).ToList();
        var seats = await context.Set<ReservationSeat>().AsNoTracking()
            .Where(seat => ids.Contains(seat.ReservationId) && seat.Status == ReservationSeatStatus.Active)
            .OrderBy(seat => seat.Id)
            .Select(seat => new { seat.ReservationId, seat.Grade, seat.SeatLabel })
            .ToListAsync(cancellationToken);
        var seatsOf = seats.ToLookup(seat => seat.ReservationId, seat => $"{seat.Grade}석 {seat.SeatLabel}");

        var recipients = rows
            .Select(row => new ReminderRecipient(row.Id, row.Number, row.UserId, row.Email, row.DisplayName, row.Title, row.VenueName, row.StartsAt, seatsOf[row.Id].ToList()))
            .ToList();
        var next = rows.Count == size ? new ReminderCursor(roundId.Value, rows[^1].Id) : new ReminderCursor(roundId.Value + 1, 0);
        return new ReminderBatch(recipients, next);
    }
}
