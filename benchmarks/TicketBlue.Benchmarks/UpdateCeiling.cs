using System.Diagnostics;
using MySqlConnector;

namespace TicketBlue.Benchmarks;

/// <summary>What the raw ceiling run measured.</summary>
public sealed record CeilingResult(int Connections, TimeSpan Window, long UpdatesInWindow, long Successes, long Misses, long HeldRows, bool RanOutOfRows, CpuUsage Cpu)
{
    public double UpdatesPerSecond => UpdatesInWindow / Window.TotalSeconds;

    /// <summary>Every successful UPDATE left exactly one held row, and no row was held twice.</summary>
    public bool Consistent => HeldRows == Successes;
}

/// <summary>
/// The most seat holds this MariaDB could possibly do: single-row conditional UPDATEs (the heart of
/// a hold, with nothing around it) on distinct random rows, autocommit, from N connections at once,
/// on the same server as the rush. The app's holds/s is read against this number.
/// </summary>
public static class UpdateCeiling
{
    private const string Holder = "ceiling";

    /// <summary>The first second warms connections and the buffer pool and is not counted.</summary>
    private static readonly TimeSpan WarmUp = TimeSpan.FromSeconds(1);

    public static async Task<CeilingResult> RunAsync(string connectionString, int connections, int seconds, int rows, int seed, CpuSampler cpu)
    {
        await Sql.ExecuteAsync(connectionString, "DROP TABLE IF EXISTS bench_ceiling");
        await Sql.ExecuteAsync(connectionString, "CREATE TABLE bench_ceiling (id BIGINT PRIMARY KEY, state VARCHAR(30) NOT NULL, holder VARCHAR(64) NULL, version INT NOT NULL) ENGINE=InnoDB");
        await Sql.ExecuteAsync(connectionString, $"INSERT INTO bench_ceiling (id, state, holder, version) SELECT seq, 'Available', NULL, 0 FROM seq_1_to_{rows}");

        // Each connection walks its own share of one shuffled permutation: random rows, never the same one twice.
        var ids = Enumerable.Range(1, rows).Select(id => (long)id).ToArray();
        new Random(seed).Shuffle(ids);
        var pooled = new MySqlConnectionStringBuilder(connectionString) { MaximumPoolSize = (uint)connections + 4 }.ConnectionString;

        var shares = Enumerable.Range(0, connections).Select(_ => new List<long>(rows / connections + 1)).ToList();
        for (var index = 0; index < ids.Length; index++)
        {
            shares[index % connections].Add(ids[index]);
        }

        var start = new TaskCompletionSource<(long Start, long End)>(TaskCreationOptions.RunContinuationsAsynchronously);
        var workers = shares.Select(share => Task.Run(() => WorkAsync(pooled, share, start.Task))).ToList();
        await Task.Delay(TimeSpan.FromMilliseconds(500));

        var begin = Stopwatch.GetTimestamp();
        var windowStart = begin + (long)(WarmUp.TotalSeconds * Stopwatch.Frequency);
        var windowEnd = windowStart + (seconds * Stopwatch.Frequency);
        start.SetResult((windowStart, windowEnd));
        await Task.Delay(WarmUp);
        cpu.Start();
        var results = await Task.WhenAll(workers);
        var usage = cpu.Stop();

        var held = await Sql.ScalarAsync<long>(connectionString, "SELECT COUNT(*) FROM bench_ceiling WHERE state = 'Held' AND holder = @holder", ("@holder", Holder));
        var result = new CeilingResult(
            connections,
            TimeSpan.FromSeconds(seconds),
            results.Sum(worker => worker.InWindow),
            results.Sum(worker => worker.Successes),
            results.Sum(worker => worker.Misses),
            held,
            results.Any(worker => worker.RanOut),
            usage);
        await Sql.ExecuteAsync(connectionString, "DROP TABLE bench_ceiling");
        return result;
    }

    private static async Task<(long Successes, long Misses, long InWindow, bool RanOut)> WorkAsync(string connectionString, List<long> ids, Task<(long Start, long End)> start)
    {
        await using var connection = new MySqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new MySqlCommand("UPDATE bench_ceiling SET state = 'Held', holder = @holder, version = version + 1 WHERE id = @id AND state = 'Available'", connection);
        command.Parameters.AddWithValue("@holder", Holder);
        var id = command.Parameters.Add("@id", MySqlDbType.Int64);
        var window = await start;

        long successes = 0, misses = 0, inWindow = 0;
        foreach (var next in ids)
        {
            if (Stopwatch.GetTimestamp() >= window.End)
            {
                return (successes, misses, inWindow, false);
            }

            id.Value = next;
            var affected = await command.ExecuteNonQueryAsync();
            var done = Stopwatch.GetTimestamp();
            successes += affected;
            misses += 1 - affected;
            if (done >= window.Start && done < window.End)
            {
                inWindow += affected;
            }
        }

        return (successes, misses, inWindow, true);
    }
}
