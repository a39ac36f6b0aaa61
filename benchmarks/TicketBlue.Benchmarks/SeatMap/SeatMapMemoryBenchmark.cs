using System.Globalization;
using MySqlConnector;

namespace TicketBlue.Benchmarks.SeatMap;

/// <summary>
/// Issue 13's seat-map memory: open seat-map viewers of the demo's largest hall in headless Chromium,
/// and read the app's managed heap and resident memory after a forced full GC at each step (0, 25,
/// 50, 100 viewers by default); the slope is the memory one viewer costs. The same run measures the
/// app as it was before the change (a git worktree of <c>--before-commit</c>) and as it is, both
/// published here (a browser needs the published static assets outside Development),
/// one after the other on one demo database, plus one fresh visit's bytes over the wire for each.
/// The apps run as in production (Production environment, the project's Server GC settings).
/// Progress goes to stderr; the Markdown report to stdout.
/// </summary>
public static class SeatMapMemoryBenchmark
{
    public const string Database = "ticketblue_bench_seatmap";

    private static readonly string BenchmarkTicketKey = Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32));

    public static async Task<int> RunAsync(string[] args)
    {
        var options = SeatMapOptions.Parse(args);
        var machine = MachineInfo.Read();
        var server = new MySqlConnectionStringBuilder(options.Server);
        var connection = new MySqlConnectionStringBuilder(options.Server) { Database = Database }.ConnectionString;
        await Sql.ExecuteAsync(options.Server, $"DROP DATABASE IF EXISTS `{Database}`");
        await Sql.ExecuteAsync(options.Server, $"CREATE DATABASE `{Database}` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci");

        var published = new List<AppPublish>();
        var files = Directory.CreateTempSubdirectory("ticketblue-bench-seatmap-files-");
        try
        {
            var beforeDll = options.BeforeDll;
            if (beforeDll is null && options.Variants.Contains("before"))
            {
                Progress($"publishing the app at {options.BeforeCommit} from a git worktree");
                published.Add(await AppPublish.CommitAsync(options.BeforeCommit));
                beforeDll = published[^1].AppDll;
            }

            var afterDll = options.AfterDll;
            if (afterDll is null && (options.Variants.Contains("after") || options.EnvironmentVariants.Count > 0))
            {
                Progress("publishing this checkout's app");
                published.Add(await AppPublish.CurrentAsync());
                afterDll = published[^1].AppDll;
            }

            // Each repetition runs every variant once, in the same order, each in a fresh app process.
            var variants = new[] { new AppVariant("before", new Dictionary<string, string>()), new AppVariant("after", new Dictionary<string, string>()) }
                .Where(variant => options.Variants.Contains(variant.Name))
                .Concat(options.EnvironmentVariants)
                .ToList();
            // Every measured app starts on a database that already has the demo data: loading it costs the
            // first app that does it a few hundred MiB of GC commitment the others would not have.
            Progress("loading the demo data with one app start that is not measured");
            await PrepareDatabaseAsync(variants[0].Name == "before" ? beforeDll! : afterDll!, options, connection, files.FullName);

            var runs = new List<VariantResult>();
            for (var repetition = 1; repetition <= options.Repetitions; repetition++)
            {
                foreach (var variant in variants)
                {
                    var dll = variant.Name == "before" ? beforeDll! : afterDll!;
                    runs.Add(await RunVariantAsync(variant, repetition, dll, options, connection, files.FullName));
                }
            }

            Console.WriteLine(SeatMapReport.Write(options, machine, server.Server, runs));
            return 0;
        }
        finally
        {
            files.Delete(recursive: true);
            foreach (var publish in published)
            {
                await publish.DisposeAsync();
            }

            await Sql.ExecuteAsync(options.Server, $"DROP DATABASE IF EXISTS `{Database}`");
        }
    }

    private static async Task<VariantResult> RunVariantAsync(AppVariant variant, int repetition, string appDll, SeatMapOptions options, string connection, string files)
    {
        var name = options.Repetitions > 1 ? string.Create(CultureInfo.InvariantCulture, $"{variant.Name} #{repetition}") : variant.Name;
        var environment = AppEnvironment(connection, options.Redis, files);
        foreach (var (key, value) in variant.Environment)
        {
            environment[key] = value;
        }

        var baseAddress = new Uri(string.Create(CultureInfo.InvariantCulture, $"http://127.0.0.1:{options.Port}"));
        using var http = new HttpClient { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(60) };
        Progress($"{name}: starting {appDll} (migrations and demo data on {Database})");
        await using var app = await AppProcess.StartAsync(appDll, baseAddress, environment, http, TimeSpan.FromMinutes(5));
        var (roundId, seats) = await LargestRoundAsync(connection);
        var path = string.Create(CultureInfo.InvariantCulture, $"rounds/{roundId}/seats");
        if (options.Page is { } page)
        {
            // Another page of the same app, for comparison (e.g. "/" for what any interactive page costs).
            (path, seats) = (page.TrimStart('/'), 0);
        }
        Progress($"{name}: round {roundId}, {seats:N0} seats");

        await using var viewers = await SeatMapViewers.StartAsync(options.Chromium, baseAddress, options.PagesPerContext);
        var errorsAtStart = app.ErrorLines;

        // The first visit also warms the app (JIT, the round's layout and board), and is closed again.
        var firstLoad = await viewers.MeasureFirstLoadAsync(path, seats);
        Progress($"{name}: first load {firstLoad.HttpBytes:N0} B over HTTP in {firstLoad.Requests} requests, {firstLoad.WebSocketBytesReceived:N0} B received on the circuit");
        foreach (var (url, bytes) in firstLoad.Largest)
        {
            Progress($"{name}:   {bytes,9:N0} B  {url}");
        }

        await Task.Delay(TimeSpan.FromSeconds(5));

        // Viewers opened before the first step and kept open, so that what the first viewers cost once per
        // process (tier-1 JIT code, the runtime's and the allocator's own growth) is not counted per viewer.
        if (options.WarmUpViewers > 0)
        {
            await viewers.OpenUntilAsync(path, seats, options.WarmUpViewers, _ => { });
            Progress($"{name}: {options.WarmUpViewers} warm-up viewers open");
        }

        var samples = new List<MemorySample>();
        var started = DateTimeOffset.UtcNow;
        foreach (var step in options.Steps)
        {
            await viewers.OpenUntilAsync(path, seats, options.WarmUpViewers + step, count =>
            {
                if (count % 10 == 0)
                {
                    Progress($"{name}: {count} viewers");
                }
            });
            await Task.Delay(TimeSpan.FromSeconds(3));
            var smaps = options.SmapsDirectory is { } directory
                ? Path.Combine(directory, string.Create(CultureInfo.InvariantCulture, $"{variant.Name}-{repetition}-{viewers.Count}.smaps"))
                : null;
            var sample = await AppMemoryProbe.MeasureAsync(app.Id, viewers.Count, smaps);
            samples.Add(sample);
            Progress($"{name}: {sample.Viewers} viewers: managed heap {sample.ManagedHeapBytes / 1048576.0:N1} MiB, GC committed {sample.CommittedBytes / 1048576.0:N1} MiB, resident {sample.ResidentBytes / 1048576.0:N1} MiB (anonymous {sample.AnonymousBytes / 1048576.0:N1}, files {sample.FileBytes / 1048576.0:N1}), {sample.Threads} threads");
        }

        if (options.KeepOpen > TimeSpan.Zero)
        {
            Progress($"{name}: keeping the app (pid {app.Id}) and its viewers open for {options.KeepOpen.TotalSeconds:N0} s, e.g. for dotnet-gcdump");
            await Task.Delay(options.KeepOpen);
        }

        foreach (var error in app.FirstErrors)
        {
            Progress($"{name}: app error: {error[..Math.Min(error.Length, 400)]}");
        }

        // Errors while the viewers were open; a start-up probe answered 503 while the search index was built is not one.
        return new VariantResult(variant.Name, repetition, roundId, seats, firstLoad, samples, DateTimeOffset.UtcNow - started, app.ErrorLines - errorsAtStart);
    }

    private static async Task PrepareDatabaseAsync(string appDll, SeatMapOptions options, string connection, string files)
    {
        var baseAddress = new Uri(string.Create(CultureInfo.InvariantCulture, $"http://127.0.0.1:{options.Port}"));
        using var http = new HttpClient { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(60) };
        await using var app = await AppProcess.StartAsync(appDll, baseAddress, AppEnvironment(connection, options.Redis, files), http, TimeSpan.FromMinutes(5));
    }

    /// <summary>The published round with the most seats (the demo's largest hall).</summary>
    private static async Task<(long RoundId, int Seats)> LargestRoundAsync(string connection)
    {
        var rows = await Sql.QueryAsync(
            connection,
            """
            SELECT r.Id, COUNT(*) AS Seats
            FROM Rounds r
            JOIN Performances p ON p.Id = r.PerformanceId AND p.Status = 'Published'
            JOIN RoundSeats s ON s.RoundId = r.Id
            WHERE r.StartsAt > UTC_TIMESTAMP()
            GROUP BY r.Id
            ORDER BY Seats DESC, r.Id
            LIMIT 1
            """,
            reader => (reader.GetInt64(0), reader.GetInt32(1)));
        return rows.Count == 1 ? rows[0] : throw new InvalidOperationException("no published round in the demo data");
    }

    /// <summary>The app as it runs in production, on the benchmark's database with the demo data, logging warnings and up only.</summary>
    private static Dictionary<string, string> AppEnvironment(string connection, string redis, string files) => new()
    {
        ["ASPNETCORE_ENVIRONMENT"] = "Production",
        ["ConnectionStrings__TicketBlue"] = connection,
        ["ConnectionStrings__Redis"] = redis,
        ["Database__ApplyMigrationsAtStartup"] = "true",
        ["Database__SeedDemoData"] = "true",
        ["Files__RootPath"] = files,
        ["Tickets__SigningKey"] = BenchmarkTicketKey,
        ["Accounts__LookupKey"] = Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32)),
        ["Deployment__AllowDemoGateway"] = "true",
        ["Deployment__AllowDevMailbox"] = "true",
        ["Deployment__AllowDemoSeeding"] = "true",
        ["Deployment__AllowUnencryptedKeys"] = "true",
        ["Serilog__MinimumLevel__Default"] = "Warning",
    };

    private static void Progress(string message) =>
        Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"[{DateTime.Now:HH:mm:ss}] {message}"));
}

/// <summary>A version of the app under test: "before", "after", or this checkout with some environment variables set (runtime or app settings).</summary>
public sealed record AppVariant(string Name, IReadOnlyDictionary<string, string> Environment)
{
    /// <summary>"name:KEY=value;KEY=value", e.g. "workstation:DOTNET_gcServer=0".</summary>
    public static AppVariant Parse(string text)
    {
        var (name, settings) = text.IndexOf(':', StringComparison.Ordinal) is var colon and > 0 ? (text[..colon], text[(colon + 1)..]) : (text, string.Empty);
        return new AppVariant(name, settings.Split(';', StringSplitOptions.RemoveEmptyEntries).Select(setting => setting.Split('=', 2)).ToDictionary(pair => pair[0], pair => pair.ElementAtOrDefault(1) ?? string.Empty, StringComparer.Ordinal));
    }

    public override string ToString() => Environment.Count == 0 ? Name : $"{Name} ({string.Join(", ", Environment.Select(setting => $"{setting.Key}={setting.Value}"))})";
}

/// <summary>One version of the app measured once: its first load and its memory at each number of viewers.</summary>
public sealed record VariantResult(string Name, int Repetition, long RoundId, int Seats, FirstLoad FirstLoad, IReadOnlyList<MemorySample> Samples, TimeSpan Duration, int ErrorLines)
{
    /// <summary>Least-squares bytes per viewer over every step, or over the steps after the first <paramref name="skip"/>.</summary>
    public double Slope(Func<MemorySample, long> bytes, int skip = 0)
    {
        var xs = Samples.Skip(skip).Select(sample => (double)sample.Viewers).ToList();
        var ys = Samples.Skip(skip).Select(sample => (double)bytes(sample)).ToList();
        var (meanX, meanY) = (xs.Average(), ys.Average());
        var covariance = xs.Zip(ys, (x, y) => (x - meanX) * (y - meanY)).Sum();
        var variance = xs.Sum(x => (x - meanX) * (x - meanX));
        return variance == 0 ? double.NaN : covariance / variance;
    }
}

/// <summary>The seat-map benchmark's options.</summary>
public sealed record SeatMapOptions(IReadOnlyList<int> Steps, int WarmUpViewers, IReadOnlyList<string> Variants, IReadOnlyList<AppVariant> EnvironmentVariants, int Repetitions, string? SmapsDirectory, TimeSpan KeepOpen, string? Page, int PagesPerContext, int Port, string BeforeCommit, string? BeforeDll, string? AfterDll, string Chromium, string Server, string Redis)
{
    public static SeatMapOptions Parse(string[] args)
    {
        string? Option(string key) => args.SkipWhile(arg => arg != key).Skip(1).FirstOrDefault();
        return new SeatMapOptions(
            (Option("--steps") ?? "0,25,50,100").Split(',').Select(step => int.Parse(step, CultureInfo.InvariantCulture)).Order().ToList(),
            int.Parse(Option("--warm-up") ?? "0", CultureInfo.InvariantCulture),
            (Option("--variants") ?? "before,after").Split(','),
            args.Select((arg, index) => (arg, index)).Where(pair => pair.arg == "--variant" && pair.index + 1 < args.Length).Select(pair => AppVariant.Parse(args[pair.index + 1])).ToList(),
            int.Parse(Option("--repetitions") ?? "1", CultureInfo.InvariantCulture),
            Option("--smaps-dir"),
            TimeSpan.FromSeconds(int.Parse(Option("--keep-open-seconds") ?? "0", CultureInfo.InvariantCulture)),
            Option("--page"),
            int.Parse(Option("--pages-per-context") ?? "10", CultureInfo.InvariantCulture),
            int.Parse(Option("--port") ?? "5093", CultureInfo.InvariantCulture),
            Option("--before-commit") ?? "78dbc2f",
            Option("--before-dll"),
            Option("--app-dll"),
            Option("--chromium") ?? Environment.GetEnvironmentVariable("PLAYWRIGHT_CHROMIUM_PATH") ?? "/usr/bin/chromium",
            Option("--server") ?? Environment.GetEnvironmentVariable("TICKETBLUE_TEST_DB") ?? "Server=127.0.0.1;Port=3307;User ID=ticketblue;Password=ticketblue",
            Option("--redis") ?? Environment.GetEnvironmentVariable("TICKETBLUE_TEST_REDIS") ?? "127.0.0.1:6380");
    }
}
