using System.Globalization;
using System.Text;

namespace TicketBlue.Benchmarks.Catalog;

/// <summary>
/// The Markdown block for docs/benchmarks.md: the search runs side by side with their median, the
/// targets with verdicts, and the per-query medians that explain them.
/// </summary>
public static class CatalogReport
{
    private const string NotMeasured = "not measured";

    public static string Write(CatalogResults results)
    {
        var (options, facts, machine, server) = (results.Options, results.Facts, results.Machine, results.Server);
        var text = new StringBuilder();
        void Line(FormattableString line) => text.AppendLine(line.ToString(CultureInfo.InvariantCulture));

        Line($"### Catalogue search, cache and admin search, {DateTimeOffset.UtcNow:yyyy-MM-dd HH:mm} UTC");
        text.AppendLine();
        Line($"- Machine: {machine.Cores} cores ({machine.Cpu}), {machine.MemoryGiB:F0} GiB, {machine.Runtime}; load average at end {machine.LoadAverage}");
        Line($"- MariaDB {server.Version}; database `{options.Database}`: {facts.Performances:N0} performances, {facts.Performers:N0} performers, {facts.Venues:N0} venues, {facts.Reservations:N0} reservations, {facts.Bytes / 1024.0 / 1024.0:N0} MiB");
        Line($"- Mix: {SearchQueryMix.Queries.Count} queries × {options.Repetitions} timed passes after {options.Warmup} warm-up pass(es), one at a time; {options.Runs} runs; latencies in ms");
        text.AppendLine();

        text.AppendLine("| run | LIKE p50 / p95 / p99 | index p50 / p95 / p99 | p50 LIKE ÷ index |");
        text.AppendLine("| --- | --- | --- | --- |");
        for (var run = 0; run < results.Like.Count; run++)
        {
            var like = results.Like[run].All;
            var index = results.Index.ElementAtOrDefault(run)?.All;
            Line($"| {run + 1} | {Triple(like.P50, like.P95, like.P99)} | {(index is null ? NotMeasured : Triple(index.P50, index.P95, index.P99))} | {(index is null ? "–" : Ratio(like.P50 / index.P50))} |");
        }

        var likeP50 = Median(results.Like, series => series.P50);
        var indexP50 = Median(results.Index, series => series.P50);
        var indexP99 = Median(results.Index, series => series.P99);
        Line($"| **median** | **{Triple(likeP50, Median(results.Like, series => series.P95), Median(results.Like, series => series.P99))}** | **{(results.Index.Count == 0 ? NotMeasured : Triple(indexP50, Median(results.Index, series => series.P95), indexP99))}** | **{(results.Index.Count == 0 ? "–" : Ratio(likeP50 / indexP50))}** |");
        text.AppendLine();

        var adminP99 = Median(results.Admin, series => series.P99);
        var cacheRatio = results.Cached is null || results.Uncached is null ? double.NaN : results.Uncached.P50 / results.Cached.P50;
        text.AppendLine("| target (issue 6) | measured (median of runs) | verdict |");
        text.AppendLine("| --- | --- | --- |");
        Line($"| index p50 ≥ 20× faster than LIKE | {(double.IsNaN(indexP50) ? NotMeasured : Ratio(likeP50 / indexP50))} | {Verdict(likeP50 / indexP50 >= 20, indexP50)} |");
        Line($"| index p99 < 20 ms | {(double.IsNaN(indexP99) ? NotMeasured : Ms(indexP99))} | {Verdict(indexP99 < 20, indexP99)} |");
        Line($"| cached pages ≥ 10× faster (p50) | {(double.IsNaN(cacheRatio) ? NotMeasured : $"{Ms(results.Uncached!.P50)} → {Ms(results.Cached!.P50)} ({Ratio(cacheRatio)})")} | {Verdict(cacheRatio >= 10, cacheRatio)} |");
        Line($"| admin reservation search, 3 conditions, p99 < 100 ms | {(double.IsNaN(adminP99) ? NotMeasured : Ms(adminP99))} | {Verdict(adminP99 < 100, adminP99)} |");
        Line($"| full index rebuild, whole catalogue | {(results.Rebuild is null ? NotMeasured : $"{results.Rebuild.Value.TotalSeconds:F1} s")} | – |");
        text.AppendLine();

        if (results.Like.Count > 0)
        {
            text.AppendLine("| query | kind | LIKE matches | LIKE median | index hits | index median |");
            text.AppendLine("| --- | --- | --- | --- | --- | --- |");
        }

        // --only admin measures no queries.
        foreach (var query in results.Like.Count == 0 ? [] : SearchQueryMix.Queries)
        {
            var like = results.Like[^1];
            var index = results.Index.Count == 0 ? null : results.Index[^1];
            var likeMedian = Statistics.Median(results.Like.SelectMany(run => run.ByQuery[query.Text]));
            var indexMedian = index is null ? "–" : Ms(Statistics.Median(results.Index.SelectMany(run => run.ByQuery[query.Text])));
            Line($"| {query.Text} | {query.Kind} | {like.Matches[query.Text]:N0} | {Ms(likeMedian)} | {(index is null ? "–" : index.Matches[query.Text].ToString("N0", CultureInfo.InvariantCulture))} | {indexMedian} |");
        }

        if (results.Uncached is { Count: > 0 } uncached && results.Cached is { Count: > 0 } cached)
        {
            text.AppendLine();
            text.AppendLine("| page (over HTTP) | requests | uncached p50 / p95 | cached p50 / p95 | p50 uncached ÷ cached |");
            text.AppendLine("| --- | --- | --- | --- | --- |");
            foreach (var page in uncached.Parts)
            {
                var hit = cached.Parts.FirstOrDefault(part => part.Name == page.Name);
                Line($"| {page.Name} | {page.Count:N0} + {hit?.Count ?? 0:N0} | {Ms(page.P50)} / {Ms(page.P95)} | {(hit is null ? NotMeasured : $"{Ms(hit.P50)} / {Ms(hit.P95)}")} | {(hit is null ? "–" : Ratio(page.P50 / hit.P50))} |");
            }
        }

        if (results.Admin.Count > 0)
        {
            text.AppendLine();
            text.AppendLine("| admin search case (3 conditions) | rows on the page | median | p99 (all runs) |");
            text.AppendLine("| --- | --- | --- | --- |");
            foreach (var (name, matches) in results.Admin[^1].Matches)
            {
                var all = results.Admin.SelectMany(run => run.ByQuery[name]).Order().ToList();
                Line($"| {name} | {matches:N0} | {Ms(Statistics.Percentile(all, 0.5))} | {Ms(Statistics.Percentile(all, 0.99))} |");
            }
        }

        return text.ToString();
    }

    private static double Median(IReadOnlyList<MixRun> runs, Func<LatencySeries, double> pick) =>
        runs.Count == 0 ? double.NaN : Statistics.Median(runs.Select(run => pick(run.All)));

    private static string Triple(double p50, double p95, double p99) => string.Create(CultureInfo.InvariantCulture, $"{p50:N2} / {p95:N2} / {p99:N2}");

    private static string Ms(double value) => string.Create(CultureInfo.InvariantCulture, $"{value:N2} ms");

    private static string Ratio(double value) => string.Create(CultureInfo.InvariantCulture, $"{value:N1}×");

    private static string Verdict(bool met, double measured) => double.IsNaN(measured) ? "–" : met ? "**met**" : "**missed**";
}
