using System.Diagnostics;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using MySqlConnector;
using TicketBlue.Domain.Common;
using TicketBlue.Domain.Performances;
using TicketBlue.Domain.Rounds;
using TicketBlue.Domain.Venues;
using TicketBlue.Infrastructure.Inventory;
using TicketBlue.Infrastructure.Persistence;

namespace TicketBlue.Benchmarks;

/// <summary>
/// How long scheduling a round takes to create its seat inventory from a large hall's layout:
/// the set-based INSERT … SELECT, measured per round, on a fresh database of its own.
/// </summary>
public static class RoundInventoryBenchmark
{
    public static async Task<int> RunAsync(BenchmarkArguments arguments)
    {
        var database = $"tb_bench_{Guid.NewGuid():N}"[..22];
        await ExecuteAsync(arguments.ServerConnectionString, $"CREATE DATABASE `{database}` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci");
        try
        {
            var connection = new MySqlConnectionStringBuilder(arguments.ServerConnectionString) { Database = database }.ConnectionString;
            var options = new DbContextOptionsBuilder<TicketBlueDbContext>().UseMySql(connection, Microsoft.Extensions.DependencyInjection.DependencyInjection.ServerVersion).Options;
            await using (var context = new TicketBlueDbContext(options))
            {
                await context.Database.MigrateAsync();
            }

            var now = DateTimeOffset.UtcNow;
            var performance = await CreateShowAsync(options, arguments.Seats, now);
            var timings = new List<double>();
            for (var run = 0; run < arguments.Runs + 1; run++)
            {
                await using var context = new TicketBlueDbContext(options);
                var startsAt = SeoulTime.At(SeoulTime.DateOf(now).AddDays(2 + run), new TimeOnly(19, 0));
                var round = Round.Schedule(performance, startsAt, new TimeWindow(now, startsAt.AddHours(-1)), 4, HoldPolicy.Default, now);
                context.Rounds.Add(round);
                await context.SaveChangesAsync();

                var watch = Stopwatch.StartNew();
                var rows = await RoundInventory.CreateAsync(context, round, CancellationToken.None);
                watch.Stop();
                if (rows != arguments.Seats)
                {
                    throw new InvalidOperationException($"expected {arguments.Seats} seats, created {rows}");
                }

                // The first run warms the connection pool and the buffer pool; it is not counted.
                if (run > 0)
                {
                    timings.Add(watch.Elapsed.TotalMilliseconds);
                }
            }

            timings.Sort();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"round inventory, {arguments.Seats} seats, {timings.Count} runs: median {Percentile(timings, 0.5):F1} ms, p90 {Percentile(timings, 0.9):F1} ms, min {timings[0]:F1} ms, max {timings[^1]:F1} ms"));
            return 0;
        }
        finally
        {
            await ExecuteAsync(arguments.ServerConnectionString, $"DROP DATABASE IF EXISTS `{database}`");
        }
    }

    private static async Task<Performance> CreateShowAsync(DbContextOptions<TicketBlueDbContext> options, int seats, DateTimeOffset now)
    {
        await using var context = new TicketBlueDbContext(options);
        var venue = Venue.Create("벤치마크 홀", null, "서울특별시", "서울", null, now);
        context.Venues.Add(venue);
        await context.SaveChangesAsync();

        // Sections of 25 rows × 40 seats, four grades by row, like a large concert hall.
        var layout = SeatLayout.Create(venue.Id, "벤치마크", 1, 4000, 4000, new StageArea(1000, 10, 2000, 60), now);
        string[] grades = ["VIP", "R", "S", "A"];
        for (var index = 0; index < seats; index++)
        {
            var sectionIndex = index / 1000;
            var section = layout.Sections.ElementAtOrDefault(sectionIndex) ?? layout.AddSection(((char)('A' + sectionIndex)).ToString(), 1);
            var row = index % 1000 / 40;
            var number = (index % 40) + 1;
            layout.AddSeat(section, (row + 1).ToString(CultureInfo.InvariantCulture), number, 100 + (number * 20) + (sectionIndex * 900), 100 + (row * 24), SeatGrade.From(grades[row * grades.Length / 25]));
        }

        layout.Activate();
        context.SeatLayouts.Add(layout);
        await context.SaveChangesAsync();

        var today = SeoulTime.DateOf(now);
        var performance = Performance.Create("벤치마크 공연", null, Category.Concert, "벤치마크", null, 120, 0, AgeRating.All, layout, new DateSpan(today.AddDays(1), today.AddDays(365)), now);
        performance.SetPrices(grades.Select((grade, index) => (SeatGrade.From(grade), Money.FromWon(150_000 - (index * 30_000)))), layout.Grades(), now);
        context.Performances.Add(performance);
        await context.SaveChangesAsync();
        return performance;
    }

    private static double Percentile(List<double> sorted, double percentile)
    {
        var position = (sorted.Count - 1) * percentile;
        var lower = (int)Math.Floor(position);
        var upper = (int)Math.Ceiling(position);
        return sorted[lower] + ((sorted[upper] - sorted[lower]) * (position - lower));
    }

    private static async Task ExecuteAsync(string connectionString, string sql)
    {
        await using var connection = new MySqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new MySqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
