using System.Diagnostics;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.Extensions.Options;
using TicketBlue.Infrastructure.Jobs;
using TicketBlue.Infrastructure.Notifications.Reminders;
using TicketBlue.Infrastructure.Persistence;

namespace TicketBlue.Benchmarks.Reminders;

/// <summary>
/// <c>reminders</c>: generates the confirmed reservations for tomorrow's rounds, then runs the show-day
/// reminder job over them, chunk after chunk as the scheduler would, on an empty outbox each run, and
/// reports messages queued per second (median of the runs) with a check that every reservation got
/// exactly its two rows.
/// </summary>
public static class ShowDayReminderBenchmark
{
    public static async Task<int> RunAsync(string[] args)
    {
        var options = ReminderBenchmarkOptions.Parse(args);
        Console.WriteLine($"Generating {options.Reservations:N0} confirmed reservations over {options.Rounds} rounds tomorrow in `{options.Database}`...");
        var generation = Stopwatch.StartNew();
        var startedAt = await TomorrowReservationsGenerator.RunAsync(options);
        Console.WriteLine($"Generated in {generation.Elapsed.TotalSeconds:F1} s.");

        var connectionString = options.AsCatalogOptions().ConnectionString;
        var contextOptions = new DbContextOptionsBuilder<TicketBlueDbContext>()
            .UseMySql(connectionString, Microsoft.Extensions.DependencyInjection.DependencyInjection.ServerVersion)
            .Options;
        var contexts = new PooledDbContextFactory<TicketBlueDbContext>(contextOptions);
        var reminderOptions = Options.Create(new ReminderOptions { SiteUrl = "https://tickets.example.kr/", ChunkSize = options.ChunkSize });

        var results = new List<RunResult>();
        for (var run = 1; run <= options.Runs; run++)
        {
            await Sql.ExecuteAsync(connectionString, "TRUNCATE TABLE Notifications");
            var job = new ShowDayReminderJob(contexts, reminderOptions, TimeProvider.System);
            var clock = Stopwatch.StartNew();
            string? checkpoint = null;
            var chunks = 0;
            var reservations = 0;
            while (true)
            {
                var chunk = await job.RunChunkAsync(new JobRunContext(run, startedAt, checkpoint), CancellationToken.None);
                chunks++;
                reservations += chunk.Rows;
                if (chunk.Done)
                {
                    break;
                }

                checkpoint = chunk.Checkpoint;
            }

            clock.Stop();
            var messages = await Sql.ScalarAsync<long>(connectionString, "SELECT COUNT(*) FROM Notifications");
            var distinct = await Sql.ScalarAsync<long>(connectionString, "SELECT COUNT(DISTINCT DeduplicationKey) FROM Notifications");
            var result = new RunResult(run, clock.Elapsed, chunks, reservations, messages);
            results.Add(result);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"run {run}: {reservations:N0} reservations, {messages:N0} messages in {chunks} chunks, {result.Elapsed.TotalSeconds:F2} s = {result.MessagesPerSecond:N0} messages/s"));
            if (reservations != options.Reservations || messages != 2L * options.Reservations || distinct != messages)
            {
                Console.Error.WriteLine($"Expected {options.Reservations} reservations and {2 * options.Reservations} distinct messages.");
                return 1;
            }
        }

        var median = Statistics.Median(results.Select(result => result.MessagesPerSecond));
        var medianSeconds = Statistics.Median(results.Select(result => result.Elapsed.TotalSeconds));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"median of {results.Count} runs: {median:N0} messages/s ({median / 2:N0} reservations/s), {medianSeconds:F2} s for {options.Reservations:N0} reservations, chunk {options.ChunkSize}"));
        return 0;
    }

    private sealed record RunResult(int Run, TimeSpan Elapsed, int Chunks, int Reservations, long Messages)
    {
        public double MessagesPerSecond => Messages / Elapsed.TotalSeconds;
    }
}
