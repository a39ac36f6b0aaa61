using System.Diagnostics;
using System.Globalization;
using MySqlConnector;

namespace TicketBlue.Benchmarks.Catalog;

/// <summary>A page measured cached and uncached: the most booked performances' pages and a popular search.</summary>
public sealed record CachedPage(string Name, string Path);

/// <summary>
/// Cached against uncached pages (issue 6 target: cached ≥ 10× faster), through HTTP against the real
/// app started on the benchmark database, as a customer's browser asks for them. The same requests run
/// twice: once with the app's cache switched off, once with it on and warmed by one request per page.
/// </summary>
public static class PageCacheProbe
{
    /// <summary>
    /// The configuration key (as an environment variable) that switches the Redis cache of performance
    /// pages and popular searches off (<c>CacheOptions.Enabled</c>, section "Cache").
    /// </summary>
    public static string? CacheSwitch => "Cache__Enabled";

    /// <summary>The search page on main (Features/Search/SearchPage.razor) with its query parameter.</summary>
    public const string SearchPath = "/search?q=";

    public static IReadOnlyList<CachedPage> Pages(IReadOnlyList<long> popularPerformances, string popularQuery) =>
        [.. popularPerformances.Select(id => new CachedPage($"performance page {id}", string.Create(CultureInfo.InvariantCulture, $"/performances/{id}"))),
         new CachedPage($"search \"{popularQuery}\"", SearchPath + Uri.EscapeDataString(popularQuery))];

    /// <summary>Starts the app with the cache on or off, warms each page once, then times <paramref name="requests"/> GETs of each.</summary>
    public static async Task<LatencySeries> MeasureAsync(CatalogOptions options, IReadOnlyList<CachedPage> pages, bool cached, int requests)
    {
        var files = Directory.CreateTempSubdirectory("tb-catalog-app-");
        var baseAddress = new Uri("http://127.0.0.1:5091");
        using var http = new HttpClient { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(60) };
        var environment = new Dictionary<string, string>
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Production",
            ["ConnectionStrings__TicketBlue"] = new MySqlConnectionStringBuilder(options.ConnectionString) { AllowLoadLocalInfile = false }.ConnectionString,
            ["ConnectionStrings__Redis"] = options.Redis,
            ["Database__ApplyMigrationsAtStartup"] = "false",
            ["Database__SeedDemoData"] = "false",
            ["Files__RootPath"] = files.FullName,
            ["Search__IndexPath"] = Path.Combine(files.FullName, "search-index"),
            ["Deployment__AllowDemoGateway"] = "true",
            ["Deployment__AllowDevMailbox"] = "true",
            ["Deployment__AllowDemoSeeding"] = "true",
            ["Deployment__AllowUnencryptedKeys"] = "true",
            ["Tickets__SigningKey"] = Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32)),
            ["Accounts__LookupKey"] = Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32)),
            ["Serilog__MinimumLevel__Default"] = "Warning",
            [CacheSwitch!] = cached ? "true" : "false",
        };

        var series = new LatencySeries(cached ? "cached" : "uncached");
        try
        {
            // The app's readiness includes its search index, which it builds at start over the whole catalogue.
            await using var app = await AppProcess.StartAsync(AppBuild.FindAppDll(), baseAddress, environment, http, TimeSpan.FromMinutes(15));
            foreach (var page in pages)
            {
                (await http.GetAsync(page.Path)).EnsureSuccessStatusCode();
            }

            for (var round = 0; round < requests; round++)
            {
                foreach (var page in pages)
                {
                    var clock = Stopwatch.StartNew();
                    using var response = await http.GetAsync(page.Path);
                    _ = await response.Content.ReadAsByteArrayAsync();
                    series.Add(clock.Elapsed, page.Name);
                    response.EnsureSuccessStatusCode();
                }
            }
        }
        finally
        {
            files.Delete(recursive: true);
        }

        return series;
    }
}
