using System.Globalization;

namespace TicketBlue.Benchmarks.Catalog;

/// <summary>
/// <c>catalog</c>: issue 6's measurements on one generated catalogue (run <c>catalog-data</c> first).
/// The same query mix through SQL LIKE and through the index, the full index rebuild, the admin
/// reservation search, and cached against uncached pages; each repeated <c>--runs</c> times.
/// </summary>
public static class CatalogBenchmark
{
    public static async Task<int> RunAsync(string[] args)
    {
        var options = CatalogOptions.Parse(args);
        CatalogFacts facts;
        try
        {
            facts = await CatalogFacts.ReadAsync(options);
        }
        catch (MySqlConnector.MySqlException exception) when (exception.ErrorCode == MySqlConnector.MySqlErrorCode.UnknownDatabase)
        {
            Console.Error.WriteLine($"no database {options.Database}: run catalog-data first");
            return 2;
        }

        Progress($"{options.Database}: {facts.Performances:N0} performances, {facts.Performers:N0} performers, {facts.Venues:N0} venues, {facts.Reservations:N0} reservations");

        var like = new List<MixRun>();
        for (var run = 0; run < (options.AdminOnly ? 0 : options.Runs); run++)
        {
            await using var search = new LikeSearch(options.ConnectionString);
            await search.OpenAsync();
            like.Add(await MixRunner.RunAsync("LIKE", search.SearchAsync, options.Warmup, options.Repetitions));
            Progress($"LIKE run {run + 1}: {like[^1].All.Describe()}");
        }

        using var host = CatalogHost.Build(options);
        var index = new List<MixRun>();
        TimeSpan? rebuild = null;
        var probe = new IndexSearchProbe(host.Services);
        if (probe.IsAvailable && !options.AdminOnly)
        {
            rebuild = await probe.RebuildAsync(CancellationToken.None);
            Progress($"index rebuilt in {rebuild.Value.TotalSeconds:F1} s");

            // The rebuild leaves a heap full of garbage: collect it now, not during the first timed run.
            GC.Collect();
            GC.WaitForPendingFinalizers();
            for (var run = 0; run < options.Runs; run++)
            {
                index.Add(await MixRunner.RunAsync("index", text => probe.SearchAsync(text, CancellationToken.None), options.Warmup, options.Repetitions));
                Progress($"index run {run + 1}: {index[^1].All.Describe()}");
            }
        }
        else
        {
            Progress(options.AdminOnly ? "index: not measured (--only admin)" : "index: no ICatalogSearch/ISearchIndexAdmin registered, not measured");
        }

        var admin = await MeasureAdminAsync(options, facts, host.Services);
        LatencySeries? uncached = null, cached = null;
        if (!options.AdminOnly)
        {
            (uncached, cached) = await MeasureCacheAsync(options, facts);
        }

        var results = new CatalogResults(options, facts, MachineInfo.Read(), await DatabaseServerInfo.ReadAsync(options.ConnectionString), like, index, rebuild, admin, uncached, cached);
        Console.WriteLine(CatalogReport.Write(results));
        return 0;
    }

    private static async Task<IReadOnlyList<MixRun>> MeasureAdminAsync(CatalogOptions options, CatalogFacts facts, IServiceProvider services)
    {
        if (!AdminSearchProbe.IsAvailable)
        {
            Progress("admin search: query class not wired, not measured");
            return [];
        }

        var probe = new AdminSearchProbe(services);
        Progress($"admin search runs on the {await probe.RouteAsync(CancellationToken.None)}");
        var cases = AdminSearchCases.For(options.Anchor, facts.PopularPerformances.FirstOrDefault(1), facts.CustomerEmailPrefix);
        var runs = new List<MixRun>();
        for (var run = 0; run < options.Runs; run++)
        {
            var result = new MixRun("admin");
            for (var pass = -options.Warmup; pass < options.Repetitions * 5; pass++)
            {
                foreach (var searchCase in cases)
                {
                    var (rows, elapsed) = await probe.SearchAsync(searchCase, CancellationToken.None);
                    if (pass >= 0)
                    {
                        result.Record(searchCase.Description, rows, elapsed);
                    }
                }
            }

            runs.Add(result);
            Progress($"admin run {run + 1}: {result.All.Describe()}");
        }

        return runs;
    }

    private static async Task<(LatencySeries? Uncached, LatencySeries? Cached)> MeasureCacheAsync(CatalogOptions options, CatalogFacts facts)
    {
        if (PageCacheProbe.CacheSwitch is null)
        {
            Progress("cache: no switch to turn it off, not measured");
            return (null, null);
        }

        var pages = PageCacheProbe.Pages(facts.PopularPerformances, "레미제라블");
        var requests = options.Repetitions * 10;
        var uncached = await PageCacheProbe.MeasureAsync(options, pages, cached: false, requests);
        Progress($"uncached pages: {uncached.Describe()}");
        var cached = await PageCacheProbe.MeasureAsync(options, pages, cached: true, requests);
        Progress($"cached pages: {cached.Describe()}");
        return (uncached, cached);
    }

    private static void Progress(string message) =>
        Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"[{DateTime.Now:HH:mm:ss}] {message}"));
}
