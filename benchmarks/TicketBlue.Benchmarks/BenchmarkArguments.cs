using System.Globalization;

namespace TicketBlue.Benchmarks;

/// <summary>Command-line options shared by the benchmarks.</summary>
public sealed record BenchmarkArguments(string Name, int Runs, int Seats, string ServerConnectionString, RushOptions Rush)
{
    public static BenchmarkArguments Parse(string[] args)
    {
        var name = args.FirstOrDefault() ?? string.Empty;
        string? Option(string key) => args.SkipWhile(arg => arg != key).Skip(1).FirstOrDefault();
        int Number(string key, int fallback) => int.Parse(Option(key) ?? fallback.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);

        var dbConnections = Number("--db-connections", 64);
        var rush = new RushOptions(
            Clients: Number("--clients", 1000),
            DbConnections: dbConnections,
            AppPoolSize: Number("--app-pool", dbConnections),
            CeilingSeconds: Number("--ceiling-seconds", 10),
            CeilingRows: Number("--ceiling-rows", 200_000),
            Port: Number("--port", 5090),
            LoginParallelism: Number("--login-parallelism", 8),
            Seed: Number("--seed", Random.Shared.Next(1, 1_000_000)),
            Redis: Option("--redis") ?? Environment.GetEnvironmentVariable("TICKETBLUE_TEST_REDIS") ?? "127.0.0.1:6380",
            AppDll: Option("--app-dll"));
        return new BenchmarkArguments(
            name,
            Number("--runs", 15),
            Number("--seats", 2000),
            Option("--server") ?? Environment.GetEnvironmentVariable("TICKETBLUE_TEST_DB") ?? "Server=127.0.0.1;Port=3307;User ID=ticketblue;Password=ticketblue",
            rush);
    }
}

/// <summary>
/// Options of the on-sale rush. <see cref="AppPoolSize"/> is the app's MySqlConnector
/// MaximumPoolSize and defaults to <see cref="DbConnections"/>, so the app and the raw-UPDATE
/// ceiling it is compared with get the same number of database connections.
/// </summary>
public sealed record RushOptions(
    int Clients,
    int DbConnections,
    int AppPoolSize,
    int CeilingSeconds,
    int CeilingRows,
    int Port,
    int LoginParallelism,
    int Seed,
    string Redis,
    string? AppDll);
