namespace TicketBlue.Benchmarks.Catalog;

/// <summary>One run of the query mix through one engine: every latency, and per query its latencies and match count.</summary>
public sealed class MixRun(string engine)
{
    public LatencySeries All { get; } = new(engine);

    public Dictionary<string, List<double>> ByQuery { get; } = [];

    public Dictionary<string, long> Matches { get; } = [];
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
                run.All.Add(elapsed);
                run.Matches[query.Text] = total;
                if (!run.ByQuery.TryGetValue(query.Text, out var list))
                {
                    run.ByQuery[query.Text] = list = [];
                }

                list.Add(elapsed.TotalMilliseconds);
            }
        }

        return run;
    }
}
