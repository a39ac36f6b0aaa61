namespace TicketBlue.Benchmarks.Catalog;

/// <summary>One run of the query mix through one engine: every latency, and per query its latencies and match count.</summary>
public sealed class MixRun(string engine)
{
    public LatencySeries All { get; } = new(engine);

    public Dictionary<string, List<double>> ByQuery { get; } = [];

    public Dictionary<string, long> Matches { get; } = [];

    public void Record(string query, long matches, TimeSpan elapsed)
    {
        All.Add(elapsed);
        Matches[query] = matches;
        if (!ByQuery.TryGetValue(query, out var list))
        {
            ByQuery[query] = list = [];
        }

        list.Add(elapsed.TotalMilliseconds);
    }
}

/// <summary>
/// Runs the fixed mix: <c>warm-up</c> untimed passes, then <c>repetitions</c> timed passes, one query
/// at a time (latency, not throughput), in the same order for every engine.
/// </summary>
public static class MixRunner
{
    public static async Task<MixRun> RunAsync(string engine, Func<string, Task<(long Total, TimeSpan Elapsed)>> search, int warmup, int repetitions)
    {
        for (var pass = 0; pass < warmup; pass++)
        {
            foreach (var query in SearchQueryMix.Queries)
            {
                await search(query.Text);
            }
        }

        var run = new MixRun(engine);
        for (var pass = 0; pass < repetitions; pass++)
        {
            foreach (var query in SearchQueryMix.Queries)
            {
                var (total, elapsed) = await search(query.Text);
                run.Record(query.Text, total, elapsed);
            }
        }

        return run;
    }
}
