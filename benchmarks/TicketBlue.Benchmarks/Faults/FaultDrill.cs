using System.Diagnostics;
using System.Globalization;
using MySqlConnector;
using Microsoft.Extensions.Logging.Abstractions;
using StackExchange.Redis;
using TicketBlue.Infrastructure.Payments.Demo;

namespace TicketBlue.Benchmarks.Faults;

/// <summary>One fault of the drill: its phases (the fault, then the recovery) and the invariants checked afterwards.</summary>
public sealed record FaultResult(string Name, IReadOnlyList<PhaseTally> Phases, Invariants After);

/// <summary>
/// Issue 17's fault drill: a steady booking load on two app nodes (Release build, loopback) while, one after the
/// other, the replica is killed, Redis is frozen for 10 s, one app node is restarted, the primary is restarted, and
/// SMTP and Slack are unreachable for 5 minutes; after each, the database is checked. Everything runs on this
/// checkout's private servers and ends within about 15 minutes. Progress on stderr, the Markdown report on stdout;
/// exits 1 when a target is missed.
/// </summary>
public static class FaultDrill
{
    private static readonly string TicketKey = Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32));
    private static readonly string LookupKey = Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32));

    public static async Task<int> RunAsync(string[] args)
    {
        var options = FaultDrillOptions.Parse(args);
        var appDll = options.AppDll ?? AppBuild.FindAppDll();
        var root = RepositoryRoot(appDll);
        var services = new LocalServices(root, options.PrimaryPort, options.RedisPort);
        var machine = MachineInfo.Read();
        var drill = Stopwatch.StartNew();

        Progress($"setup: {options.Seats} seats, {options.Customers} customers on 127.0.0.1:{options.PrimaryPort}");
        var scene = await RushScene.CreateAsync(options.ServerConnectionString, options.Seats, options.Customers + 1);
        var performanceId = await Sql.ScalarAsync<long>(scene.ConnectionString, "SELECT PerformanceId FROM Rounds WHERE Id = @round", ("@round", scene.RoundId));
        await WaitForReplicaAsync(options, scene);

        using var sink = new SmtpSink(options.SmtpPort);
        using var stub = new SlackStub(options.SlackPort);
        sink.Start();
        stub.Start();
        var files = Directory.CreateTempSubdirectory("ticketblue-faults-files-");
        using var handler = new SocketsHttpHandler { MaxConnectionsPerServer = 256, ConnectTimeout = TimeSpan.FromSeconds(5), PooledConnectionLifetime = TimeSpan.FromMinutes(2) };
        using var http = new HttpClient(handler) { Timeout = TimeSpan.FromSeconds(30) };
        var nodes = options.AppPorts.Select(port => new Uri($"http://127.0.0.1:{port}")).ToList();
        var environment = AppEnvironment(options, scene, files.FullName, stub.WebhookUrl);

        Progress($"starting two app nodes from {appDll}");
        var apps = new AppProcess?[2];
        try
        {
            apps[0] = await AppProcess.StartAsync(appDll, nodes[0], environment, http);
            apps[1] = await AppProcess.StartAsync(appDll, nodes[1], environment, http);
            await using var redis = await ConnectionMultiplexer.ConnectAsync($"{options.Redis},abortConnect=false,syncTimeout=5000,asyncTimeout=5000");
            var gateway = new DemoPaymentGateway(redis, TimeProvider.System, NullLogger<DemoPaymentGateway>.Instance);
            using var signIn = new HttpClient(handler, disposeHandler: false) { BaseAddress = nodes[0] };
            var api = new BookingApi(signIn);
            var tokens = new List<string>();
            foreach (var email in scene.CustomerEmails)
            {
                tokens.Add(await api.SignInAsync(email, RushScene.Password, CancellationToken.None));
            }

            var probeToken = tokens[^1];
            tokens.RemoveAt(tokens.Count - 1);
            var load = new BookingLoad(http, nodes, scene.RoundId, performanceId, gateway);
            using var stopping = new CancellationTokenSource();
            var running = load.RunAsync(tokens, stopping.Token);
            var faults = new List<FaultResult>();
            Task<Invariants> Check() => Invariants.CheckAsync(scene.ConnectionString, http, nodes, scene.RoundId, redis, load.Payments);

            Progress($"steady load: {tokens.Count} customers for {options.Steady.TotalSeconds:F0} s");
            await Task.Delay(options.Steady);
            var steady = load.Phase;

            // 1. The replica dies.
            var replicaDown = load.BeginPhase("1. replica killed (SIGKILL)");
            Progress(FaultReport.Row(steady));
            await services.KillReplicaAsync();
            Progress("replica killed");
            await Task.Delay(options.ReplicaDown);
            await services.StartReplicaAsync();
            var replicaBack = load.BeginPhase("1. replica restarted");
            Progress("replica restarted");
            await Task.Delay(options.Recovery);
            faults.Add(new FaultResult("1. replica killed", [replicaDown, replicaBack], await Check()));
            Record(faults[^1]);

            // 2. Redis freezes for 10 s; the seat maps must agree with the database within 5 s after it returns.
            var redisFrozen = load.BeginPhase("2. Redis frozen (SIGSTOP)");
            var resync = await SeatMapResync.RunAsync(http, nodes, scene.ConnectionString, scene.WarmUpRoundId, probeToken, services, options.RedisFrozen, Progress);
            var redisBack = load.BeginPhase("2. Redis back (SIGCONT)");
            Progress($"seat maps resynchronized after {resync.Resynchronized?.TotalSeconds.ToString("F1", CultureInfo.InvariantCulture) ?? "never"} s, live change seen after {resync.LiveChangeSeen?.TotalSeconds.ToString("F1", CultureInfo.InvariantCulture) ?? "never"} s");
            await Task.Delay(options.Recovery);
            faults.Add(new FaultResult("2. Redis frozen 10 s", [redisFrozen, redisBack], await Check()));
            Record(faults[^1]);

            // 3. One app node restarts (killed, then started again; its customers go to the other node meanwhile).
            var nodeDown = load.BeginPhase("3. node B killed and starting");
            await apps[1]!.DisposeAsync();
            apps[1] = null;
            Progress("node B killed");
            var restart = Stopwatch.StartNew();
            apps[1] = await AppProcess.StartAsync(appDll, nodes[1], environment, http);
            var nodeBack = load.BeginPhase("3. node B ready again");
            Progress($"node B ready again after {restart.Elapsed.TotalSeconds:F1} s");
            await Task.Delay(options.Recovery);
            faults.Add(new FaultResult("3. app node restarted", [nodeDown, nodeBack], await Check()));
            Record(faults[^1]);

            // 4. The primary restarts: requests must fail within 2 s with the Korean 503 meanwhile.
            var primaryDown = load.BeginPhase("4. primary stopped (SIGTERM) until ready");
            await services.StopPrimaryAsync();
            Progress("primary stopped");
            await Task.Delay(options.PrimaryDown);
            await services.StartPrimaryAsync();
            var primaryBack = load.BeginPhase("4. primary back");
            Progress("primary started again");
            await Task.Delay(options.Recovery + options.Recovery);
            faults.Add(new FaultResult("4. primary restarted", [primaryDown, primaryBack], await Check()));
            Record(faults[^1]);

            // 5. SMTP and Slack unreachable for 5 minutes: the outbox keeps and retries, nothing lost or doubled.
            var notificationsDown = load.BeginPhase("5. SMTP and Slack unreachable");
            sink.Stop();
            stub.Stop();
            Progress($"SMTP sink and Slack stub stopped for {options.NotificationsDown.TotalSeconds:F0} s");
            await Task.Delay(options.NotificationsDown);
            sink.Start();
            stub.Start();
            var notificationsBack = load.BeginPhase("5. SMTP and Slack back");
            Progress("SMTP sink and Slack stub back");
            await Task.Delay(options.Recovery + options.Recovery);
            load.BeginPhase("stopped").EndedAt = DateTimeOffset.UtcNow;
            await stopping.CancelAsync();
            await running;
            Progress("load stopped; waiting for the outbox to drain");
            var audit = await NotificationAudit.CheckAsync(scene.ConnectionString, sink, stub, options.DrainLimit, Progress);
            faults.Add(new FaultResult("5. SMTP and Slack unreachable 5 min", [notificationsDown, notificationsBack], await Check()));
            Record(faults[^1]);

            var errorLines = apps.Sum(app => app!.ErrorLines);
            var firstErrors = apps.SelectMany(app => app!.FirstErrors).Take(10).ToList();
            var report = new FaultReport(options, machine, steady, faults, resync, audit, drill.Elapsed, errorLines, firstErrors);
            Console.WriteLine(report.Write());
            return report.Passed ? 0 : 1;
        }
        finally
        {
            // Also when the drill itself fails: no node outlives it.
            foreach (var app in apps.OfType<AppProcess>())
            {
                await app.DisposeAsync();
            }

            files.Delete(recursive: true);
        }
    }

    /// <summary>The scene's database exists on the replica before the nodes read from it.</summary>
    private static async Task WaitForReplicaAsync(FaultDrillOptions options, RushScene scene)
    {
        var replica = new MySqlConnectionStringBuilder(options.ReplicaConnectionString) { Database = RushScene.Database }.ConnectionString;
        var waited = Stopwatch.StartNew();
        while (waited.Elapsed < TimeSpan.FromMinutes(2))
        {
            try
            {
                if (await Sql.ScalarAsync<int>(replica, "SELECT COUNT(*) FROM RoundSeats WHERE RoundId = @round", ("@round", scene.WarmUpRoundId)) == scene.Seats)
                {
                    return;
                }
            }
            catch (MySqlException)
            {
                // Not replicated yet.
            }

            await Task.Delay(500);
        }

        throw new TimeoutException("the replica did not receive the drill's database within 2 minutes");
    }

    /// <summary>Production settings, the two nodes identical: primary and replica, SMTP to the sink, Slack to the stub, the demo gateway, request limits out of reach.</summary>
    private static Dictionary<string, string> AppEnvironment(FaultDrillOptions options, RushScene scene, string filesRoot, Uri slack) => RaisedLimits.With(new()
    {
        ["ASPNETCORE_ENVIRONMENT"] = "Production",
        ["ConnectionStrings__TicketBlue"] = scene.ConnectionString,
        ["ConnectionStrings__TicketBlueReplica"] = options.ReplicaConnectionString,
        ["ConnectionStrings__Redis"] = options.Redis,
        ["Database__ApplyMigrationsAtStartup"] = "false",
        ["Database__SeedDemoData"] = "false",
        ["Files__RootPath"] = filesRoot,
        ["Tickets__SigningKey"] = TicketKey,
        ["Accounts__LookupKey"] = LookupKey,
        ["Payments__Provider"] = "Demo",
        ["Notifications__Email__Provider"] = "Smtp",
        ["Notifications__Smtp__Host"] = "127.0.0.1",
        ["Notifications__Smtp__Port"] = options.SmtpPort.ToString(CultureInfo.InvariantCulture),
        ["Notifications__Smtp__UseStartTls"] = "false",
        ["Notifications__Slack__WebhookUrl"] = slack.ToString(),
        ["Deployment__AllowDemoGateway"] = "true",
        ["Deployment__AllowDemoSeeding"] = "true",
        ["Deployment__AllowUnencryptedKeys"] = "true",
        ["Serilog__MinimumLevel__Default"] = "Warning",
    });

    private static string RepositoryRoot(string appDll)
    {
        var directory = new DirectoryInfo(Path.GetDirectoryName(appDll)!);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "TicketBlue.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException($"no TicketBlue.sln above {appDll}");
    }

    /// <summary>Writes a fault's phases and invariants to stderr at once, so a drill that fails later keeps them.</summary>
    private static void Record(FaultResult fault)
    {
        foreach (var phase in fault.Phases)
        {
            Progress(FaultReport.Row(phase));
        }

        Progress(FaultReport.Row(fault));
    }

    private static void Progress(string message) =>
        Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"[{DateTime.Now:HH:mm:ss}] {message}"));
}
