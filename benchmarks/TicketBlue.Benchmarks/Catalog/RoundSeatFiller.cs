using System.Diagnostics;
using MySqlConnector;

namespace TicketBlue.Benchmarks.Catalog;

/// <summary>
/// Every round's inventory, made inside MariaDB with INSERT … SELECT as the app's RoundInventory does:
/// the venue's seats with the performance's grade prices, 'Sold' with its reservation where an active
/// reservation seat points at it, 'Available' otherwise. Ids are computed (round × seats + seat), the
/// same ids the reservation seats were given. In chunks of rounds so no transaction grows huge.
/// </summary>
public static class RoundSeatFiller
{
    private const int RoundsPerChunk = 10_000;

    public static async Task<long> RunAsync(MySqlConnection connection, CatalogPlan plan, Action<string> log)
    {
        var seats = CatalogCounts.SeatsPerLayout;
        var sql = $"""
            INSERT INTO RoundSeats (Id, RoundId, SeatId, Grade, Price, State, HoldId, HeldByUserId, HoldExpiresAt, ReservationId, Version)
            SELECT (r.Id - 1) * {seats} + (s.Id - (r.VenueId - 1) * {seats}), r.Id, s.Id, s.Grade, gp.Price,
                   IF(rs.Id IS NULL, 'Available', 'Sold'), NULL, NULL, NULL, rs.ReservationId, IF(rs.Id IS NULL, 0, 2)
            FROM Rounds r
            JOIN Seats s ON s.SeatSectionId = r.VenueId
            JOIN GradePrices gp ON gp.PerformanceId = r.PerformanceId AND gp.Grade = s.Grade
            LEFT JOIN ReservationSeats rs ON rs.ActiveRoundSeatId = (r.Id - 1) * {seats} + (s.Id - (r.VenueId - 1) * {seats})
            WHERE r.Id BETWEEN @first AND @last
            ORDER BY r.Id, s.Id
            """;
        long inserted = 0;
        var clock = Stopwatch.StartNew();
        for (var first = 1; first <= plan.Counts.Rounds; first += RoundsPerChunk)
        {
            await using var command = new MySqlCommand(sql, connection) { CommandTimeout = 600 };
            command.Parameters.AddWithValue("@first", first);
            command.Parameters.AddWithValue("@last", first + RoundsPerChunk - 1);
            inserted += await command.ExecuteNonQueryAsync();
            log($"  round seats: {inserted:N0} of {plan.Counts.RoundSeats:N0} ({inserted / clock.Elapsed.TotalSeconds:N0} rows/s)");
        }

        if (inserted != plan.Counts.RoundSeats)
        {
            throw new InvalidOperationException($"expected {plan.Counts.RoundSeats:N0} round seats, inserted {inserted:N0}");
        }

        return inserted;
    }
}
