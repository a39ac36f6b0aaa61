using Microsoft.EntityFrameworkCore;
using TicketBlue.Domain.Rounds;
using TicketBlue.Infrastructure.Persistence;

namespace TicketBlue.Infrastructure.Booking;

/// <summary>
/// Creates a round's seat inventory from its performance's layout and price table in one
/// set-based INSERT … SELECT: a 2,000-seat round is one statement, not 2,000 tracked entities.
/// Seats whose grade has no price are refused by the performance's price rules before this runs;
/// seats the layout blocks start blocked.
/// </summary>
public static class RoundInventory
{
    public static Task<int> CreateAsync(TicketBlueDbContext context, Round round, CancellationToken cancellationToken) =>
        context.Database.ExecuteSqlInterpolatedAsync(
            $"""
            INSERT INTO RoundSeats (RoundId, SeatId, Grade, Price, State, Version)
            SELECT {round.Id}, seat.Id, seat.Grade, price.Price,
                   CASE WHEN seat.IsBlocked THEN {nameof(SeatState.Blocked)} ELSE {nameof(SeatState.Available)} END, 0
            FROM Seats seat
            JOIN SeatSections section ON section.Id = seat.SeatSectionId
            JOIN Performances performance ON performance.Id = {round.PerformanceId}
            JOIN GradePrices price ON price.PerformanceId = performance.Id AND price.Grade = seat.Grade
            WHERE section.SeatLayoutId = performance.SeatLayoutId
            ORDER BY seat.Id
            """,
            cancellationToken);
}
