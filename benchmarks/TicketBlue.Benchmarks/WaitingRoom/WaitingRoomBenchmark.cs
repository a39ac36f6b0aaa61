using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using MySqlConnector;

namespace TicketBlue.Benchmarks.WaitingRoom;

/// <summary>
/// Issue 13's waiting-room benchmark: N simulated customers join one round's queue on one app node
/// (loopback only) and then ask for their position at a steady rate for a bounded time, as their
/// waiting pages would. Reports the join rate, the position refresh's p50/p99, the node's resident
/// memory per waiting customer, and Redis commands per refresh (INFO commandstats, from a private
/// redis-server so nothing else is counted). Progress on stderr, the Markdown report on stdout.
/// </summary>
public static class WaitingRoomBenchmark
{
    private const int WarmUpCustomers = 200;
    private const int MaxInFlight = 512;

    public static async Task<int> RunAsync(string[] args)
    {
        string? Option(string key) => args.SkipWhile(arg => arg != key).Skip(1).FirstOrDefault();
        int Number(string key, int fallback) => int.Parse(Option(key) ?? fallback.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
        var clients = Number("--clients", 20_000);
        var refreshSeconds = Number("--refresh-seconds", 20);
        var refreshRate = Number("--refresh-rate", 2_000);
        var joinConcurrency = Number("--join-concurrency", 64);
        var port = Number("--port", 5091);
        var redisPort = Number("--redis-port", 6391);
        var server = Option("--server") ?? Environment.GetEnvironmentVariable("TICKETBLUE_TEST_DB") ?? "Server=127.0.0.1;Port=3307;User ID=ticketblue;Password=ticketblue";
        var appDll = Option("--app-dll") ?? AppBuild.FindAppDll();
        var baseAddress = new Uri(string.Create(CultureInfo.InvariantCulture, $"http://127.0.0.1:{port}"));

        Progress($"setup: database {QueueScene.Database}, private redis-server on {redisPort}, {clients} customers");
        var scene = await QueueScene.CreateAsync(server);
        await using var redis = await PrivateRedis.StartAsync(redisPort);
        var users = Enumerable.Range(0, clients + WarmUpCustomers).Select(_ => Guid.NewGuid().ToString()).ToList();
        string[] tokens;
        using (var minter = new BenchmarkBearerTokens(redis.Connection))
        {
            tokens = users.Select(minter.Issue).ToArray();
        }

        using var handler = new SocketsHttpHandler { MaxConnectionsPerServer = MaxInFlight + 64, PooledConnectionLifetime = TimeSpan.FromMinutes(10) };
        using var http = new HttpClient(handler) { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(30) };
        var files = Directory.CreateTempSubdirectory("ticketblue-bench-queue-");
        try
        {
            Progress($"starting {appDll} on {baseAddress}");
            await using var app = await AppProcess.StartAsync(appDll, baseAddress, AppEnvironment(scene, redis, files.FullName), http);
            var queue = $"/api/v1/rounds/{scene.RoundId}/queue";

            Progress($"warm-up: {WarmUpCustomers} customers join and refresh five times (not counted)");
            for (var index = clients; index < users.Count; index++)
            {
                await SendAsync(http, HttpMethod.Post, queue, tokens[index]);
                for (var round = 0; round < 5; round++)
                {
                    await SendAsync(http, HttpMethod.Get, queue, tokens[index]);
                }
            }

            await Task.Delay(TimeSpan.FromSeconds(2));
            var rssBefore = ResidentBytes(app.Id);
            var redisBefore = await redis.UsedMemoryAsync();

            Progress($"joining: {clients} customers, {joinConcurrency} at a time, in two halves");
            var joinLatencies = new ConcurrentBag<double>();
            var joinTime = TimeSpan.Zero;
            var joinFailures = 0;
            var half = clients / 2;
            var rssAtHalf = 0L;
            foreach (var (from, count) in new[] { (0, half), (half, clients - half) })
            {
                var joinWatch = Stopwatch.StartNew();
                await Parallel.ForEachAsync(Enumerable.Range(from, count), new ParallelOptions { MaxDegreeOfParallelism = joinConcurrency }, async (index, _) =>
                {
                    var (ok, milliseconds) = await SendAsync(http, HttpMethod.Post, queue, tokens[index]);
                    joinLatencies.Add(milliseconds);
                    if (!ok)
                    {
                        Interlocked.Increment(ref joinFailures);
                    }
                });
                joinTime += joinWatch.Elapsed;
                await Task.Delay(TimeSpan.FromSeconds(2));
                rssAtHalf = rssAtHalf == 0 ? ResidentBytes(app.Id) : rssAtHalf;
            }

            var rssAfterJoin = ResidentBytes(app.Id);
            var redisAfterJoin = await redis.UsedMemoryAsync();

            Progress($"refreshing: {refreshRate}/s for {refreshSeconds} s over random waiting customers");
            var commandsBefore = await redis.CommandCallsAsync();
            var refresh = await RefreshAsync(http, queue, tokens, clients, refreshRate, TimeSpan.FromSeconds(refreshSeconds));
            var commandsAfter = await redis.CommandCallsAsync();
            var rssAfterRefresh = ResidentBytes(app.Id);

            var report = new QueueReport(
                clients,
                joinTime,
                joinLatencies.Order().ToList(),
                joinFailures,
                refresh,
                refreshRate,
                rssBefore,
                rssAtHalf,
                rssAfterJoin,
                rssAfterRefresh,
                redisBefore,
                redisAfterJoin,
                commandsBefore,
                commandsAfter,
                Describe(MachineInfo.Read()),
                app.ErrorLines);
            Console.WriteLine(report.ToMarkdown(args));
            if (app.ErrorLines > 0)
            {
                Console.Error.WriteLine($"the app's first errors:{Environment.NewLine}{string.Join(Environment.NewLine, app.FirstErrors)}");
            }

            var passed = joinFailures == 0 && refresh.Failures == 0;
            if (passed)
            {
                await Sql.ExecuteAsync(server, $"DROP DATABASE IF EXISTS `{QueueScene.Database}`");
            }

            return passed ? 0 : 1;
        }
        finally
        {
            files.Delete(recursive: true);
        }
    }

    /// <summary>Position calls at a steady rate (every 10 ms a slice), never more than <see cref="MaxInFlight"/> at once.</summary>
    private static async Task<RefreshResult> RefreshAsync(HttpClient http, string queue, string[] tokens, int clients, int perSecond, TimeSpan duration)
    {
        var latencies = new ConcurrentBag<double>();
        var inFlight = new SemaphoreSlim(MaxInFlight);
        var pending = new List<Task>();
        var failures = 0;
        var skipped = 0;
        var random = new Random(20261207);
        var watch = Stopwatch.StartNew();
        var sent = 0L;
        using var timer = new PeriodicTimer(TimeSpan.FromMilliseconds(10));
        while (watch.Elapsed < duration && await timer.WaitForNextTickAsync())
        {
            var due = (long)(watch.Elapsed.TotalSeconds * perSecond);
            for (; sent < due; sent++)
            {
                if (!inFlight.Wait(0))
                {
                    skipped++;
                    continue;
                }

                var token = tokens[random.Next(clients)];
                pending.Add(Task.Run(async () =>
                {
                    try
                    {
                        var (ok, milliseconds) = await SendAsync(http, HttpMethod.Get, queue, token);
                        latencies.Add(milliseconds);
                        if (!ok)
                        {
                            Interlocked.Increment(ref failures);
                        }
                    }
                    finally
                    {
                        inFlight.Release();
                    }
                }));
            }
        }

        await Task.WhenAll(pending);
        watch.Stop();
        return new RefreshResult(latencies.Order().ToList(), watch.Elapsed, failures, skipped);
    }

    private static async Task<(bool Ok, double Milliseconds)> SendAsync(HttpClient http, HttpMethod method, string path, string token)
    {
        using var request = new HttpRequestMessage(method, path);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        var started = Stopwatch.GetTimestamp();
        using var response = await http.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();
        var elapsed = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        return (response.IsSuccessStatusCode && body.Contains("\"queueRequired\":true", StringComparison.Ordinal), elapsed);
    }

    /// <summary>VmRSS of a process, in bytes (Linux).</summary>
    private static long ResidentBytes(int processId)
    {
        var line = File.ReadLines($"/proc/{processId}/status").First(candidate => candidate.StartsWith("VmRSS:", StringComparison.Ordinal));
        return long.Parse(line["VmRSS:".Length..].Trim().Split(' ')[0], CultureInfo.InvariantCulture) * 1024;
    }

    private static Dictionary<string, string> AppEnvironment(QueueScene scene, PrivateRedis redis, string filesRoot) => new()
    {
        ["ASPNETCORE_ENVIRONMENT"] = "Production",
        ["ConnectionStrings__TicketBlue"] = new MySqlConnectionStringBuilder(scene.ConnectionString) { MaximumPoolSize = 32 }.ConnectionString,
        ["ConnectionStrings__Redis"] = redis.Configuration,
        ["Database__ApplyMigrationsAtStartup"] = "false",
        ["Database__SeedDemoData"] = "false",
        ["Files__RootPath"] = filesRoot,
        ["Tickets__SigningKey"] = Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32)),
        ["Accounts__LookupKey"] = Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32)),
        ["Deployment__AllowDemoGateway"] = "true",
        ["Deployment__AllowDevMailbox"] = "true",
        ["Deployment__AllowDemoSeeding"] = "true",
        ["Deployment__AllowUnencryptedKeys"] = "true",
        ["Serilog__MinimumLevel__Default"] = "Warning",
    };

    private static string Describe(MachineInfo machine) =>
        string.Create(CultureInfo.InvariantCulture, $"{machine.Cores} cores {machine.Cpu}, {machine.MemoryGiB:F0} GiB, {machine.Runtime}, load {machine.LoadAverage}");

    private static void Progress(string message) =>
        Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"[{DateTime.Now:HH:mm:ss}] {message}"));
}

/// <summary>The refresh phase: latencies in ascending order, how long it ran, failed calls, and calls the client could not start (too many in flight).</summary>
internal sealed record RefreshResult(IReadOnlyList<double> Latencies, TimeSpan Elapsed, int Failures, int Skipped);

internal sealed record QueueReport(
    int Clients,
    TimeSpan JoinTime,
    IReadOnlyList<double> JoinLatencies,
    int JoinFailures,
    RefreshResult Refresh,
    int RefreshRate,
    long RssBefore,
    long RssAtHalf,
    long RssAfterJoin,
    long RssAfterRefresh,
    long RedisBefore,
    long RedisAfterJoin,
    Dictionary<string, long> CommandsBefore,
    Dictionary<string, long> CommandsAfter,
    string Machine,
    int AppErrorLines)
{
    public string ToMarkdown(string[] args)
    {
        var culture = CultureInfo.InvariantCulture;
        var refreshes = Refresh.Latencies.Count;
        long Delta(string command) => CommandsAfter.GetValueOrDefault(command) - CommandsBefore.GetValueOrDefault(command);
        var allCommands = CommandsAfter.Keys.Union(CommandsBefore.Keys).Sum(Delta);
        var scripts = Delta("evalsha") + Delta("eval");
        var text = new StringBuilder();
        text.AppendLine(culture, $"### Waiting room: {Clients:N0} waiting customers on one node");
        text.AppendLine();
        text.AppendLine(culture, $"`dotnet run -c Release --project benchmarks/TicketBlue.Benchmarks -- {string.Join(' ', args)}` — {Machine}");
        text.AppendLine();
        text.AppendLine("| measure | value | target |");
        text.AppendLine("| --- | --- | --- |");
        text.AppendLine(culture, $"| joins | {Clients:N0} in {JoinTime.TotalSeconds:F1} s = **{Clients / JoinTime.TotalSeconds:N0}/s**; p50 {Statistics.Percentile(JoinLatencies, 0.5):F1} ms, p99 {Statistics.Percentile(JoinLatencies, 0.99):F1} ms; {JoinFailures} failed | |");
        text.AppendLine(culture, $"| position refreshes | {refreshes:N0} in {Refresh.Elapsed.TotalSeconds:F1} s (offered {RefreshRate:N0}/s, {Refresh.Skipped:N0} not sent: {MaxInFlightText} in flight); {Refresh.Failures} failed | |");
        text.AppendLine(culture, $"| refresh latency | p50 **{Statistics.Percentile(Refresh.Latencies, 0.5):F1} ms**, p99 **{Statistics.Percentile(Refresh.Latencies, 0.99):F1} ms**, max {(refreshes == 0 ? 0 : Refresh.Latencies[refreshes - 1]):F1} ms | p99 < 50 ms |");
        var secondHalf = Clients - (Clients / 2);
        text.AppendLine(culture, $"| app resident memory | {Mb(RssBefore)} before, {Mb(RssAtHalf)} after half the joins, {Mb(RssAfterJoin)} after all, {Mb(RssAfterRefresh)} after the refreshes | |");
        text.AppendLine(culture, $"| app memory per waiting customer | **{(RssAfterJoin - RssAtHalf) / (double)secondHalf / 1024:F2} KB** (slope over the second half of the joins); {(RssAfterJoin - RssBefore) / (double)Clients / 1024:F2} KB from before the first join, GC heap growth included | ≤ 10 KB |");
        text.AppendLine(culture, $"| Redis memory per waiting customer | {(RedisAfterJoin - RedisBefore) / (double)Clients:N0} bytes (used_memory) | |");
        text.AppendLine(culture, $"| Redis commands per refresh | **{scripts / (double)Math.Max(1, refreshes):F2} round trips** (EVALSHA), {allCommands / (double)Math.Max(1, refreshes):F2} commands counting those inside the script (whole Redis, admitter ticks included) | |");
        text.AppendLine(culture, $"| app error lines | {AppErrorLines} | 0 |");
        return text.ToString();
    }

    private const string MaxInFlightText = "512";

    private static string Mb(long bytes) => string.Create(CultureInfo.InvariantCulture, $"{bytes / 1024.0 / 1024.0:F1} MB");
}
