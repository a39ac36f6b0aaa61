using MySqlConnector;

namespace TicketBlue.Benchmarks.Catalog;

/// <summary>
/// What the loading skipped (foreign key checks) and what the app's rules promise, checked once the
/// rows are in: each query counts violations and must answer 0.
/// </summary>
public static class CatalogIntegrity
{
    private static readonly (string Rule, string Sql)[] Checks =
    [
        ("reservation seats without their round seat", "SELECT COUNT(*) FROM ReservationSeats rs LEFT JOIN RoundSeats s ON s.Id = rs.RoundSeatId WHERE s.Id IS NULL OR s.RoundId <> rs.RoundId"),
        ("sold round seats ≠ active reservation seats", "SELECT ABS((SELECT COUNT(*) FROM RoundSeats WHERE State = 'Sold') - (SELECT COUNT(*) FROM ReservationSeats WHERE Status = 'Active'))"),
        ("reservations whose round is of another performance", "SELECT COUNT(*) FROM Reservations r JOIN Rounds o ON o.Id = r.RoundId WHERE o.PerformanceId <> r.PerformanceId"),
        ("reservations without their customer", "SELECT COUNT(*) FROM Reservations r LEFT JOIN AspNetUsers u ON u.Id = r.UserId WHERE u.Id IS NULL"),
        ("reservations whose amounts differ from their seats'",
            "SELECT COUNT(*) FROM Reservations r JOIN (SELECT ReservationId, SUM(Price) p, SUM(DiscountShare) d, SUM(RefundedAmount) f FROM ReservationSeats GROUP BY ReservationId) s ON s.ReservationId = r.Id " +
            "WHERE s.p <> r.Subtotal OR s.d <> r.Discount OR s.f <> r.RefundedAmount OR r.Total <> r.Subtotal - r.Discount"),
        ("payments whose amount or balance is off", "SELECT COUNT(*) FROM Payments p JOIN Reservations r ON r.Id = p.ReservationId WHERE p.Amount <> r.Total OR p.BalanceAmount <> p.Amount - r.RefundedAmount AND p.Status <> 'Expired'"),
        ("performances whose layout is another venue's", "SELECT COUNT(*) FROM Performances p JOIN SeatLayouts l ON l.Id = p.SeatLayoutId WHERE l.VenueId <> p.VenueId"),
        ("rounds outside their performance's run", "SELECT COUNT(*) FROM Rounds o JOIN Performances p ON p.Id = o.PerformanceId WHERE DATE(o.StartsAt) NOT BETWEEN p.RunFirstDay AND p.RunLastDay"),
        ("cast links to missing performers", "SELECT COUNT(*) FROM CastMembers c LEFT JOIN Performers p ON p.Id = c.PerformerId WHERE p.Id IS NULL"),
        ("coupon redemptions of missing coupons", "SELECT COUNT(*) FROM CouponRedemptions c LEFT JOIN Coupons o ON o.Id = c.CouponId WHERE o.Id IS NULL"),
    ];

    /// <summary>Sets each coupon's used quantity from its redemptions, then runs every check.</summary>
    public static async Task<IReadOnlyList<string>> CheckAsync(MySqlConnection connection)
    {
        await ExecuteAsync(connection, "UPDATE Coupons c SET UsedQuantity = (SELECT COUNT(*) FROM CouponRedemptions r WHERE r.CouponId = c.Id AND r.Status = 'Redeemed')");
        var failures = new List<string>();
        foreach (var (rule, sql) in Checks)
        {
            await using var command = new MySqlCommand(sql, connection) { CommandTimeout = 600 };
            var violations = Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
            if (violations != 0)
            {
                failures.Add($"{rule}: {violations:N0}");
            }
        }

        return failures;
    }

    /// <summary>Fresh statistics, so the optimizer plans the benchmark's queries for the real sizes.</summary>
    public static Task AnalyzeAsync(MySqlConnection connection) => ExecuteAsync(connection,
        "ANALYZE TABLE Venues, Performers, Performances, CastMembers, GradePrices, Rounds, RoundSeats, AspNetUsers, Reservations, ReservationSeats, Payments, PaymentCancellations, Coupons, CouponRedemptions");

    private static async Task ExecuteAsync(MySqlConnection connection, string sql)
    {
        await using var command = new MySqlCommand(sql, connection) { CommandTimeout = 1200 };
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            // ANALYZE answers one status row per table; nothing to keep.
        }
    }
}
