using System.Globalization;
using MySqlConnector;
using TicketBlue.Infrastructure.Accounts.Dormancy;

namespace TicketBlue.Benchmarks.Dormancy;

/// <summary>Options of <c>dormancy</c>: how many customers, how many timed runs, how many accounts the row-by-row baseline converts, the job's chunk size, and the writer counts to time it with (<c>--writers 1,2</c>: each in turn, in every run).</summary>
public sealed record DormancyBenchmarkOptions(int Customers, int Runs, int RowByRowSample, int ChunkSize, IReadOnlyList<int> Writers, int Seed, string Database, string ServerConnectionString)
{
    public static DormancyBenchmarkOptions Parse(string[] args)
    {
        string? Option(string key) => args.SkipWhile(arg => arg != key).Skip(1).FirstOrDefault();
        int Number(string key, int fallback) => int.Parse(Option(key) ?? fallback.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
        return new DormancyBenchmarkOptions(
            Number("--customers", 1_000_000),
            Number("--runs", 3),
            Number("--row-by-row-sample", 2_000),
            Number("--chunk-size", 5_000),
            (Option("--writers") ?? new AccountsOptions().DormancyWriters.ToString(CultureInfo.InvariantCulture)).Split(',').Select(writers => int.Parse(writers, CultureInfo.InvariantCulture)).ToList(),
            Number("--seed", 20261207),
            Option("--database") ?? "ticketblue_bench_dormancy",
            Option("--server") ?? Environment.GetEnvironmentVariable("TICKETBLUE_TEST_DB") ?? "Server=127.0.0.1;Port=3307;User ID=ticketblue;Password=ticketblue");
    }

    /// <summary>
    /// The benchmark database, with LOAD DATA LOCAL allowed for the generator's bulk copy, and ten minutes for a
    /// statement: putting 100,000 accounts back (untimed) took longer than the default 30 s on a loaded machine.
    /// </summary>
    public string ConnectionString => new MySqlConnectionStringBuilder(ServerConnectionString) { Database = Database, AllowLoadLocalInfile = true, DefaultCommandTimeout = 600 }.ConnectionString;
}
