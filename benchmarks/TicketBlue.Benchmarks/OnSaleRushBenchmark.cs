using System.Globalization;
using MySqlConnector;

namespace TicketBlue.Benchmarks;

/// <summary>
/// Issue 4's on-sale rush: N customers at once through the real app's HTTP API try to hold 1–4
/// seats of a 2,000-seat round until it is sold out, then the database is checked for oversold and
/// stuck seats, and the same MariaDB's raw conditional-UPDATE rate is measured as the ceiling the
/// holds/s are read against. Progress goes to stderr; the Markdown report to stdout.
/// Exits 1 when a seat was oversold or stuck, or any check disagrees.
/// </summary>
public static class OnSaleRushBenchmark
{
    public static async Task<int> RunAsync(BenchmarkArguments arguments)
    {
        var options = arguments.Rush;
        var appDll = options.AppDll ?? AppBuild.FindAppDll();
        var baseAddress = new Uri(string.Create(CultureInfo.InvariantCulture, $"http://127.0.0.1:{options.Port}"));
        var machine = MachineInfo.Read();

        Progress($"setup: database {RushScene.Database}, {arguments.Seats} seats, {options.Clients} customers");
        var scene = await RushScene.CreateAsync(arguments.ServerConnectionString, arguments.Seats, options.Clients);
        var server = await DatabaseServerInfo.ReadAsync(scene.ConnectionString);
        var files = Directory.CreateTempSubdirectory("ticketblue-bench-files-");
        var passed = false;
        try
        {
            using var handler = new SocketsHttpHandler
            {
                MaxConnectionsPerServer = options.Clients + 16,
                PooledConnectionLifetime = TimeSpan.FromMinutes(10),
                PooledConnectionIdleTimeout = TimeSpan.FromMinutes(5),
                ConnectTimeout = TimeSpan.FromSeconds(10),
            };
            using var http = new HttpClient(handler) { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(60) };
            var api = new BookingApi(http);

            var mariaDb = CpuSampler.FindProcess("mariadbd", $"--port={new MySqlConnectionStringBuilder(scene.ConnectionString).Port}");
            var redis = CpuSampler.FindProcess("redis-server", options.Redis.Split(':').Last());

            Progress($"starting {appDll} on {baseAddress} (MaximumPoolSize={options.AppPoolSize})");
            AppPhase phase;
            await using (var app = await AppProcess.StartAsync(appDll, baseAddress, AppEnvironment(scene, options, files.FullName), http))
            {
                try
                {
                    phase = await RunAgainstAppAsync(api, app, scene, options, Named(("app", app.Id), ("MariaDB", mariaDb), ("Redis", redis), ("benchmark", Environment.ProcessId)));
                }
                catch
                {
                    // The app writes its log asynchronously: give the lines about the failure a moment to arrive.
                    await Task.Delay(TimeSpan.FromSeconds(1));
                    Console.Error.WriteLine($"the app's first errors:{Environment.NewLine}{string.Join(Environment.NewLine, app.FirstErrors)}");
                    throw;
                }
            }

            Progress($"ceiling: {options.DbConnections} connections of conditional UPDATEs for {options.CeilingSeconds} s (the app is stopped)");
            var ceiling = await UpdateCeiling.RunAsync(
                scene.ConnectionString,
                options.DbConnections,
                options.CeilingSeconds,
                options.CeilingRows,
                options.Seed,
                new CpuSampler(Named(("MariaDB", mariaDb), ("benchmark", Environment.ProcessId))));

            Console.WriteLine(RushReport.Write(new RushReportInput(arguments, machine, server, phase.SignInTime, phase.Rush, phase.RushCpu, phase.Verification, ceiling, phase.RushErrorLines, phase.AllErrorLines, phase.HttpFloorPerSecond)));
            passed = phase.Verification.Passed && ceiling.Consistent;
            return passed ? 0 : 1;
        }
        finally
        {
            files.Delete(recursive: true);

            // Kept when something failed, so the rows can be inspected; the next run drops it anyway.
            if (passed)
            {
                await Sql.ExecuteAsync(arguments.ServerConnectionString, $"DROP DATABASE IF EXISTS `{RushScene.Database}`");
            }
        }
    }

    /// <summary>Sign-in and warm-up (untimed), the rush (timed, with CPU per process), then the checks.</summary>
    private static async Task<AppPhase> RunAgainstAppAsync(BookingApi api, AppProcess app, RushScene scene, RushOptions options, List<(string Name, int Pid)> processes)
    {
        Progress($"signing in {options.Clients} customers ({options.LoginParallelism} at a time)");
        var (tokens, signInTime) = await RushWarmUp.SignInAllAsync(api, scene.CustomerEmails, options.LoginParallelism);

        Progress("warming up: connections, and holds on a separate round");
        await RushWarmUp.RunAsync(api, scene, tokens);

        var cpu = new CpuSampler(processes);
        var errorsBefore = app.ErrorLines;
        Progress($"rush: {options.Clients} clients released together");
        cpu.Start();
        var rush = await OnSaleRush.RunAsync(api, scene.RoundId, tokens, options.Seed);
        var rushCpu = cpu.Stop();
        var appErrors = app.ErrorLines - errorsBefore;

        Progress("verifying the database, then releasing every hold");
        var verification = await RushVerification.RunAsync(api, scene, rush, scene.RoundId);
        if (app.ErrorLines > 0)
        {
            Console.Error.WriteLine($"the app logged {app.ErrorLines} error line(s) ({appErrors} during the rush); the first ones:{Environment.NewLine}{string.Join(Environment.NewLine, app.FirstErrors)}");
        }

        Progress($"HTTP floor: {options.Clients} clients on GET /health/live for 5 s");
        var floor = await HttpFloor.RequestsPerSecondAsync(api.Http, options.Clients, TimeSpan.FromSeconds(5));

        return new AppPhase(signInTime, rush, rushCpu, verification, appErrors, app.ErrorLines, floor);
    }

    /// <summary>Production refuses to start without a ticket signing key; the benchmark's is random per run.</summary>
    private static readonly string BenchmarkTicketKey = Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32));

    /// <summary>The app as it runs in production, on the benchmark's database, logging warnings and up only, with request limits out of reach.</summary>
    private static Dictionary<string, string> AppEnvironment(RushScene scene, RushOptions options, string filesRoot) => RaisedLimits.With(new()
    {
        ["ASPNETCORE_ENVIRONMENT"] = "Production",
        ["ConnectionStrings__TicketBlue"] = new MySqlConnectionStringBuilder(scene.ConnectionString) { MaximumPoolSize = (uint)options.AppPoolSize }.ConnectionString,
        ["ConnectionStrings__Redis"] = options.Redis,
        ["Database__ApplyMigrationsAtStartup"] = "false",
        ["Database__SeedDemoData"] = "false",
        ["Files__RootPath"] = filesRoot,
        ["Tickets__SigningKey"] = BenchmarkTicketKey,
        ["Accounts__LookupKey"] = Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32)),
        // Nothing is paid in this benchmark; the production build needs the demo gateway asked for by name.
        ["Deployment__AllowDemoGateway"] = "true",
        ["Deployment__AllowDevMailbox"] = "true",
        ["Deployment__AllowDemoSeeding"] = "true",
        ["Deployment__AllowUnencryptedKeys"] = "true",
        ["Serilog__MinimumLevel__Default"] = "Warning",
    });

    private static List<(string Name, int Pid)> Named(params (string Name, int? Pid)[] processes) =>
        processes.Where(process => process.Pid is not null).Select(process => (process.Name, process.Pid!.Value)).ToList();

    private static void Progress(string message) =>
        Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"[{DateTime.Now:HH:mm:ss}] {message}"));
}

/// <summary>What the part of the run against the live app produced.</summary>
internal sealed record AppPhase(TimeSpan SignInTime, RushResult Rush, CpuUsage RushCpu, RushVerification Verification, int RushErrorLines, int AllErrorLines, double HttpFloorPerSecond);
