using System.Globalization;

namespace TicketBlue.Benchmarks.Catalog;

/// <summary>
/// Options of the issue-6 commands <c>catalog-data</c> (generate) and <c>catalog</c> (measure).
/// <see cref="Anchor"/> is the generated catalogue's "now": fixed by default so the same seed gives
/// the same rows on any day.
/// </summary>
public sealed record CatalogOptions(
    double Scale,
    int Seed,
    string Database,
    DateTimeOffset Anchor,
    int Repetitions,
    int Runs,
    int Warmup,
    string ServerConnectionString,
    string Redis,
    string? ReplicaServerConnectionString = null,
    bool AdminOnly = false)
{
    public const string DefaultDatabase = "ticketblue_bench_catalog";

    public static CatalogOptions Parse(string[] args)
    {
        string? Option(string key) => args.SkipWhile(arg => arg != key).Skip(1).FirstOrDefault();
        int Number(string key, int fallback) => int.Parse(Option(key) ?? fallback.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);

        var scale = double.Parse(Option("--scale") ?? "1", CultureInfo.InvariantCulture);
        if (scale is <= 0 or > 1)
        {
            throw new ArgumentException("--scale must be in (0, 1]");
        }

        return new CatalogOptions(
            scale,
            Number("--seed", 20261126),
            Option("--database") ?? DefaultDatabase,
            DateTimeOffset.Parse(Option("--anchor") ?? "2026-12-01T00:00:00Z", CultureInfo.InvariantCulture),
            Number("--repetitions", 5),
            Number("--runs", 3),
            Number("--warmup", 10),
            Option("--server") ?? Environment.GetEnvironmentVariable("TICKETBLUE_TEST_DB") ?? "Server=127.0.0.1;Port=3307;User ID=ticketblue;Password=ticketblue",
            Option("--redis") ?? Environment.GetEnvironmentVariable("TICKETBLUE_TEST_REDIS") ?? "127.0.0.1:6380",
            // The admin search runs where the app runs it: on the replica (ADR-011), when there is one.
            Option("--replica") ?? Environment.GetEnvironmentVariable("TICKETBLUE_TEST_REPLICA"),
            // --only admin: the admin search alone (no LIKE, index or cache measurements).
            string.Equals(Option("--only"), "admin", StringComparison.Ordinal));
    }

    /// <summary>The benchmark database on the replica, or null to search on the primary.</summary>
    public string? ReplicaConnectionString => string.IsNullOrWhiteSpace(ReplicaServerConnectionString)
        ? null
        : new MySqlConnector.MySqlConnectionStringBuilder(ReplicaServerConnectionString) { Database = Database, DefaultCommandTimeout = 600 }.ConnectionString;

    /// <summary>The benchmark database's connection string (bulk loads need LOAD DATA LOCAL).</summary>
    public string ConnectionString => new MySqlConnector.MySqlConnectionStringBuilder(ServerConnectionString)
    {
        Database = Database,
        AllowLoadLocalInfile = true,
        DefaultCommandTimeout = 600,
    }.ConnectionString;
}
