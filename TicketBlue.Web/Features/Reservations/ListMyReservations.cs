using Microsoft.EntityFrameworkCore;
using TicketBlue.Domain.Reservations;
using TicketBlue.Infrastructure.Persistence;

namespace TicketBlue.Web.Features.Reservations;

/// <summary>One line of "내 예매". Amounts are won; the round's start is UTC (the page prints Seoul time).</summary>
public sealed record MyReservationRow(
    long Id,
    string Number,
    string PerformanceTitle,
    string? PosterUrl,
    DateTimeOffset RoundStartsAt,
    string VenueName,
    int SeatCount,
    long Total,
    ReservationState State);

public interface IListMyReservationsHandler
{
    /// <summary>
    /// The customer's own reservations whose round is still to come (<paramref name="upcoming"/>),
    /// soonest first, or has started, latest first.
    /// </summary>
    Task<PagedResult<MyReservationRow>> HandleAsync(string userId, bool upcoming, int page, int pageSize, CancellationToken cancellationToken);
}

public sealed class ListMyReservationsHandler(IDbContextFactory<TicketBlueDbContext> contextFactory, TimeProvider clock) : IListMyReservationsHandler
{
    public async Task<PagedResult<MyReservationRow>> HandleAsync(string userId, bool upcoming, int page, int pageSize, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(userId);
        var request = new PageRequest(page, pageSize);
        var now = clock.GetUtcNow();
        await using var context = await contextFactory.CreateDbContextAsync(cancellationToken);

        var all = from reservation in context.Reservations.AsNoTracking()
                  join round in context.Rounds on reservation.RoundId equals round.Id
                  where reservation.UserId == userId
                  select new { reservation, round.StartsAt };
        var mine = upcoming ? all.Where(row => row.StartsAt > now) : all.Where(row => row.StartsAt <= now);
        var total = await mine.CountAsync(cancellationToken);
        var ordered = upcoming
            ? mine.OrderBy(row => row.StartsAt).ThenBy(row => row.reservation.Id)
            : mine.OrderByDescending(row => row.StartsAt).ThenByDescending(row => row.reservation.Id);

        var rows = await ordered
            .Skip(request.Skip)
            .Take(request.Take)
            .Select(row => new
            {
                row.reservation.Id,
                row.reservation.Number,
                row.reservation.Status,
                row.reservation.Total,
                row.StartsAt,
                Performance = context.Performances
                    .Where(performance => performance.Id == row.reservation.PerformanceId)
                    .Select(performance => new
                    {
                        performance.Title,
                        PosterKey = performance.Poster == null ? null : performance.Poster.Key,
                        Venue = context.Venues.Where(venue => venue.Id == performance.VenueId).Select(venue => venue.Name).First(),
                    })
                    .First(),
                Seats = context.ReservationSeats.Count(seat => seat.ReservationId == row.reservation.Id),
                ActiveSeats = context.ReservationSeats.Count(seat => seat.ReservationId == row.reservation.Id && seat.Status == ReservationSeatStatus.Active),
            })
            .ToListAsync(cancellationToken);

        return new PagedResult<MyReservationRow>(
            rows.Select(row => new MyReservationRow(
                row.Id,
                row.Number,
                row.Performance.Title,
                row.Performance.PosterKey is null ? null : MediaUrls.For(row.Performance.PosterKey),
                row.StartsAt,
                row.Performance.Venue,
                // A cancelled or expired reservation still says how many seats it was for.
                row.ActiveSeats > 0 ? row.ActiveSeats : row.Seats,
                row.Total.Won,
                ReservationStates.From(row.Status, row.ActiveSeats < row.Seats))).ToList(),
            total);
    }
}
