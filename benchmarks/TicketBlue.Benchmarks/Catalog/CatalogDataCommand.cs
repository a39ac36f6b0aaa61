using System.Diagnostics;
using System.Globalization;
using MySqlConnector;

namespace TicketBlue.Benchmarks.Catalog;

/// <summary>
/// <c>catalog-data</c>: a fresh benchmark database filled with issue 6's catalogue (5,000 venues,
/// 50,000 performers, 100,000 performances, 1,000,000 reservations at scale 1), deterministic for a
/// seed, with the time and rows/s of every step.
/// </summary>
public static class CatalogDataCommand
{
    public static async Task<int> RunAsync(string[] args)
    {
        var options = CatalogOptions.Parse(args);
        var counts = CatalogCounts.For(options.Scale);
        var plan = new CatalogPlan(counts, options.Anchor.UtcDateTime);
        var random = new Random(options.Seed);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"catalog-data: scale {options.Scale}, seed {options.Seed}, anchor {options.Anchor:yyyy-MM-dd}, database {options.Database}: {counts.Venues:N0} venues, {counts.Performers:N0} performers, {counts.Performances:N0} performances, {counts.Customers:N0} customers, {counts.Reservations:N0} reservations"));

        var total = Stopwatch.StartNew();
        var steps = new List<(string Step, long Rows, TimeSpan Time)>();
        async Task Step(string name, Func<Task<long>> run)
        {
            var clock = Stopwatch.StartNew();
            var rows = await run();
            steps.Add((name, rows, clock.Elapsed));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {name}: {rows:N0} rows in {clock.Elapsed.TotalSeconds:F1} s ({rows / clock.Elapsed.TotalSeconds:N0} rows/s)"));
        }

        await Step("database + migrations", async () =>
        {
            await CatalogDatabase.CreateAsync(options);
            return 0;
        });
        await using var connection = await CatalogDatabase.OpenForLoadingAsync(options);
        await Step("venues, layouts, seats", () => VenueGenerator.RunAsync(connection, plan, random));
        await Step("performers", () => PerformerGenerator.RunAsync(connection, plan, random));
        await Step("performances, prices, cast, rounds", () => PerformanceGenerator.RunAsync(connection, plan, random));
        await Step("customers and roles", () => CustomerGenerator.RunAsync(connection, plan, random));
        await Step("coupons", () => CouponGenerator.RunAsync(connection, plan, random));
        await Step("reservations, seats, payments, refunds, coupon uses", () => ReservationGenerator.RunAsync(connection, plan, random));
        await Step("round seats (INSERT … SELECT)", () => RoundSeatFiller.RunAsync(connection, plan, Console.WriteLine));

        var failures = new List<string>();
        await Step("integrity checks + coupon counts", async () =>
        {
            failures.AddRange(await CatalogIntegrity.CheckAsync(connection));
            return 0;
        });
        await Step("ANALYZE TABLE", async () =>
        {
            await CatalogIntegrity.AnalyzeAsync(connection);
            return 0;
        });

        var size = await DatabaseSizeAsync(connection, options.Database);
        Console.WriteLine();
        Console.WriteLine(CatalogDataReport.Write(options, counts, steps, total.Elapsed, size));
        foreach (var failure in failures)
        {
            Console.Error.WriteLine($"INTEGRITY: {failure}");
        }

        return failures.Count == 0 ? 0 : 1;
    }

    private static async Task<long> DatabaseSizeAsync(MySqlConnection connection, string database)
    {
        await using var command = new MySqlCommand("SELECT SUM(DATA_LENGTH + INDEX_LENGTH) FROM information_schema.TABLES WHERE TABLE_SCHEMA = @db", connection);
        command.Parameters.AddWithValue("@db", database);
        return Convert.ToInt64(await command.ExecuteScalarAsync(), CultureInfo.InvariantCulture);
    }
}
