using System.Globalization;
using TicketBlue.Benchmarks.Catalog;

namespace TicketBlue.Benchmarks.Reminders;

/// <summary>Options of <c>reminders</c>: how many reservations for tomorrow, how many measured runs, which chunk size.</summary>
public sealed record ReminderBenchmarkOptions(int Reservations, int Rounds, int Runs, int ChunkSize, string Database, string ServerConnectionString)
{
    public const string DefaultDatabase = "ticketblue_bench_reminders";

    public static ReminderBenchmarkOptions Parse(string[] args)
    {
        string? Option(string key) => args.SkipWhile(arg => arg != key).Skip(1).FirstOrDefault();
        int Number(string key, int fallback) => int.Parse(Option(key) ?? fallback.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);

        return new ReminderBenchmarkOptions(
            Number("--reservations", 100_000),
            Number("--rounds", 40),
            Number("--runs", 3),
            Number("--chunk", 1000),
            Option("--database") ?? DefaultDatabase,
            Option("--server") ?? Environment.GetEnvironmentVariable("TICKETBLUE_TEST_DB") ?? "Server=127.0.0.1;Port=3307;User ID=ticketblue;Password=ticketblue");
    }

    /// <summary>The same database through the catalogue benchmark's helpers (create and migrate, bulk-loading connection).</summary>
    public CatalogOptions AsCatalogOptions() =>
        new(1, 1, Database, DateTimeOffset.UtcNow, 0, 0, 0, ServerConnectionString, string.Empty);
}
