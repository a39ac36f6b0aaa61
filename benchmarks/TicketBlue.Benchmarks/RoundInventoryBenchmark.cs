using System.Diagnostics;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using MySqlConnector;
using TicketBlue.Domain.Common;
using TicketBlue.Domain.Rounds;
using TicketBlue.Infrastructure.Booking;
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
        await Sql.ExecuteAsync(arguments.ServerConnectionString, $"CREATE DATABASE `{database}` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci");
        try
        {
            var connection = new MySqlConnectionStringBuilder(arguments.ServerConnectionString) { Database = database }.ConnectionString;
            var options = new DbContextOptionsBuilder<TicketBlueDbContext>().UseMySql(connection, Microsoft.Extensions.DependencyInjection.DependencyInjection.ServerVersion).Options;
            await using (var context = new TicketBlueDbContext(options))
            {
                await context.Database.MigrateAsync();
            }

            var now = DateTimeOffset.UtcNow;
            var performance = await BenchmarkShow.CreateAsync(options, arguments.Seats, now, publish: false);
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
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"round inventory, {arguments.Seats} seats, {timings.Count} runs: median {Statistics.Percentile(timings, 0.5):F1} ms, p90 {Statistics.Percentile(timings, 0.9):F1} ms, min {timings[0]:F1} ms, max {timings[^1]:F1} ms"));
            return 0;
        }
        finally
        {
            await Sql.ExecuteAsync(arguments.ServerConnectionString, $"DROP DATABASE IF EXISTS `{database}`");
        }
    }
}
