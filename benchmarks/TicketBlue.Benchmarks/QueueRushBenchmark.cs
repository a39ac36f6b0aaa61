using System.Globalization;
using MySqlConnector;
using Microsoft.EntityFrameworkCore;
using TicketBlue.Domain.WaitingRoom;
using TicketBlue.Infrastructure.Persistence;

namespace TicketBlue.Benchmarks;

/// <summary>
/// Issue 13's "rush through the queue": the same N customers (5,000 by default) rush two 2,000-seat
/// rounds of one app, one after the other in one run: first a round without a waiting room (today's
/// rush), then a round whose waiting room is on and whose sales open a few seconds after everyone has
/// joined its pre-queue. Each phase is checked for oversold and stuck seats. Markdown to stdout;
/// exits 1 when a check fails.
/// </summary>
public static class QueueRushBenchmark
{
    public static async Task<int> RunAsync(BenchmarkArguments arguments, string[] args)
    {
        var options = arguments.Rush;
        var queue = QueueRushOptions.Parse(args);
        var appDll = options.AppDll ?? AppBuild.FindAppDll();
        var baseAddress = new Uri(string.Create(CultureInfo.InvariantCulture, $"http://127.0.0.1:{options.Port}"));
        var machine = MachineInfo.Read();

        Progress($"setup: database {RushScene.Database}, {arguments.Seats} seats × 3 rounds, {options.Clients} customers");
        var scene = await RushScene.CreateAsync(arguments.ServerConnectionString, arguments.Seats, options.Clients, withQueuedRound: true);
        var queuedRoundId = scene.QueuedRoundId!.Value;
        var files = Directory.CreateTempSubdirectory("ticketblue-bench-files-");
        var passed = false;
        try
        {
            using var handler = new SocketsHttpHandler
            {
                MaxConnectionsPerServer = options.Clients + 16,
                PooledConnectionLifetime = TimeSpan.FromMinutes(15),
                PooledConnectionIdleTimeout = TimeSpan.FromMinutes(10),
                ConnectTimeout = TimeSpan.FromSeconds(10),
            };
            using var http = new HttpClient(handler) { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(60) };
            var api = new BookingApi(http);
            var mariaDb = CpuSampler.FindProcess("mariadbd", $"--port={new MySqlConnectionStringBuilder(scene.ConnectionString).Port}");
            var redis = CpuSampler.FindProcess("redis-server", options.Redis.Split(':').Last());

            await using var app = await AppProcess.StartAsync(appDll, baseAddress, AppEnvironment(scene, options, queue, files.FullName), http);
            var processes = new List<(string Name, int Pid)> { ("app", app.Id), ("benchmark", Environment.ProcessId) };
            processes.AddRange(new[] { ("MariaDB", mariaDb), ("Redis", redis) }.Where(process => process.Item2 is not null).Select(process => (process.Item1, process.Item2!.Value)));

            Progress($"signing in {options.Clients} customers ({options.LoginParallelism} at a time)");
            var (tokens, signInTime) = await RushWarmUp.SignInAllAsync(api, scene.CustomerEmails, options.LoginParallelism);
            Progress("warming up: connections, and holds on a separate round");
            await RushWarmUp.RunAsync(api, scene, tokens);

            Progress($"without the waiting room: {options.Clients} clients released together on round {scene.RoundId}");
            var plain = await RunPhaseAsync(api, app, scene, scene.RoundId, processes, () => OnSaleRush.RunAsync(api, scene.RoundId, tokens, options.Seed));

            var opensAt = DateTimeOffset.UtcNow + queue.Lead;
            await OpenWaitingRoomAsync(scene, queuedRoundId, queue, opensAt);
            Progress($"through the waiting room: {options.Clients} clients join round {queuedRoundId}'s pre-queue, sales open at {opensAt:HH:mm:ss} ({queue.AdmissionPerMinute:N0}/min, at most {queue.MaxActive:N0} in)");
            var queued = await RunPhaseAsync(api, app, scene, queuedRoundId, processes, () => QueueRush.RunAsync(api, queuedRoundId, tokens, options.Seed, opensAt));

            Console.WriteLine(QueueRushReport.Write(arguments, queue, machine, signInTime, plain, queued));
            passed = plain.Verification.Passed && queued.Verification.Passed;
            if (app.ErrorLines > 0)
            {
                Console.Error.WriteLine($"the app logged {app.ErrorLines} error line(s); the first ones:{Environment.NewLine}{string.Join(Environment.NewLine, app.FirstErrors)}");
            }

            return passed ? 0 : 1;
        }
        finally
        {
            files.Delete(recursive: true);
            if (passed)
            {
                await Sql.ExecuteAsync(arguments.ServerConnectionString, $"DROP DATABASE IF EXISTS `{RushScene.Database}`");
            }
        }
    }

    private static async Task<QueueRushPhase> RunPhaseAsync(BookingApi api, AppProcess app, RushScene scene, long roundId, List<(string Name, int Pid)> processes, Func<Task<RushResult>> rush)
    {
        var cpu = new CpuSampler(processes);
        var errorsBefore = app.ErrorLines;
        cpu.Start();
        var result = await rush();
        var usage = cpu.Stop();
        var errors = app.ErrorLines - errorsBefore;
        Progress($"  {result.Receipts.Count:N0} holds in {result.SellingTime.TotalSeconds:F2} s; verifying, then releasing every hold");
        var verification = await RushVerification.RunAsync(api, scene, result, roundId);
        return new QueueRushPhase(result, usage, verification, errors);
    }

    /// <summary>The admin's part, written straight to the database before anyone asked for the round: the sales open in a few seconds, the waiting room is on.</summary>
    private static async Task OpenWaitingRoomAsync(RushScene scene, long roundId, QueueRushOptions queue, DateTimeOffset opensAt)
    {
        await Sql.ExecuteAsync(scene.ConnectionString, "UPDATE Rounds SET SalesOpenAt = @opens WHERE Id = @round", ("@opens", opensAt.UtcDateTime), ("@round", roundId));
        var options = new DbContextOptionsBuilder<TicketBlueDbContext>().UseMySql(scene.ConnectionString, Microsoft.Extensions.DependencyInjection.DependencyInjection.ServerVersion).Options;
        await using var context = new TicketBlueDbContext(options);
        context.WaitingRooms.Add(WaitingRoomSettings.ForRound(roundId, queue.AdmissionPerMinute, queue.MaxActive, DateTimeOffset.UtcNow));
        await context.SaveChangesAsync();
    }

    private static readonly string BenchmarkTicketKey = Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32));

    /// <summary>The app as in production, with the request limits of an on-sale day lifted for the one address all simulated customers share.</summary>
    private static Dictionary<string, string> AppEnvironment(RushScene scene, RushOptions options, QueueRushOptions queue, string filesRoot) => RaisedLimits.With(new()
    {
        ["ASPNETCORE_ENVIRONMENT"] = "Production",
        ["ConnectionStrings__TicketBlue"] = new MySqlConnectionStringBuilder(scene.ConnectionString) { MaximumPoolSize = (uint)options.AppPoolSize }.ConnectionString,
        ["ConnectionStrings__Redis"] = options.Redis,
        ["Database__ApplyMigrationsAtStartup"] = "false",
        ["Database__SeedDemoData"] = "false",
        ["Files__RootPath"] = filesRoot,
        ["Tickets__SigningKey"] = BenchmarkTicketKey,
        ["Accounts__LookupKey"] = Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32)),
        ["Deployment__AllowDemoGateway"] = "true",
        ["Deployment__AllowDevMailbox"] = "true",
        ["Deployment__AllowDemoSeeding"] = "true",
        ["Deployment__AllowUnencryptedKeys"] = "true",
        ["WaitingRoom__AdmissionInterval"] = queue.AdmissionInterval.ToString("c", CultureInfo.InvariantCulture),
        ["Serilog__MinimumLevel__Default"] = "Warning",
    });

    private static void Progress(string message) =>
        Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"[{DateTime.Now:HH:mm:ss}] {message}"));
}

/// <summary>One phase of the run: the rush, the CPU it took, and what the database says afterwards.</summary>
public sealed record QueueRushPhase(RushResult Rush, CpuUsage Cpu, RushVerification Verification, int ErrorLines);

/// <summary>The waiting room's settings for the run: <c>--queue-rate</c> (people per minute), <c>--queue-max-active</c>, <c>--queue-lead</c> (seconds from the release to the opening), <c>--queue-tick-ms</c>.</summary>
public sealed record QueueRushOptions(int AdmissionPerMinute, int MaxActive, TimeSpan Lead, TimeSpan AdmissionInterval)
{
    public static QueueRushOptions Parse(string[] args)
    {
        string? Option(string key) => args.SkipWhile(arg => arg != key).Skip(1).FirstOrDefault();
        int Number(string key, int fallback) => int.Parse(Option(key) ?? fallback.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
        return new QueueRushOptions(
            Number("--queue-rate", 24_000),
            Number("--queue-max-active", 5_000),
            TimeSpan.FromSeconds(Number("--queue-lead", 10)),
            TimeSpan.FromMilliseconds(Number("--queue-tick-ms", 200)));
    }
}
