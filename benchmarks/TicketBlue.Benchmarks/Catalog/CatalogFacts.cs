using MySqlConnector;

namespace TicketBlue.Benchmarks.Catalog;

/// <summary>What the benchmark reads from the generated database before measuring (untimed).</summary>
public sealed record CatalogFacts(long Performances, long Performers, long Venues, long Reservations, long Bytes, IReadOnlyList<long> PopularPerformances, string CustomerEmailPrefix)
{
    public static async Task<CatalogFacts> ReadAsync(CatalogOptions options)
    {
        var connection = options.ConnectionString;
        // The most booked shows customers can still open (an archived show's page is a 404).
        var popular = await Sql.QueryAsync(connection,
            "SELECT r.PerformanceId FROM Reservations r JOIN Performances p ON p.Id = r.PerformanceId AND p.Status = 'Published' " +
            "WHERE r.Status = 'Confirmed' GROUP BY r.PerformanceId ORDER BY COUNT(*) DESC, r.PerformanceId LIMIT 3", reader => reader.GetInt64(0));
        var email = await Sql.ScalarAsync<string>(connection, "SELECT Email FROM AspNetUsers WHERE Email NOT LIKE '%@bench.%' ORDER BY Id LIMIT 1");
        return new CatalogFacts(
            await Sql.ScalarAsync<long>(connection, "SELECT COUNT(*) FROM Performances"),
            await Sql.ScalarAsync<long>(connection, "SELECT COUNT(*) FROM Performers"),
            await Sql.ScalarAsync<long>(connection, "SELECT COUNT(*) FROM Venues"),
            await Sql.ScalarAsync<long>(connection, "SELECT COUNT(*) FROM Reservations"),
            await Sql.ScalarAsync<long>(connection, "SELECT SUM(DATA_LENGTH + INDEX_LENGTH) FROM information_schema.TABLES WHERE TABLE_SCHEMA = DATABASE()"),
            popular,
            email[..Math.Min(5, email.IndexOf('@', StringComparison.Ordinal))]);
    }
}
