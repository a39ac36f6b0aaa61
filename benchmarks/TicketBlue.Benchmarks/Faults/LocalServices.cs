using System.Diagnostics;
using System.Globalization;

namespace TicketBlue.Benchmarks.Faults;

/// <summary>
/// The checkout's private servers started by <c>scripts/services.sh</c> (state in <c>.local/</c>): the drill kills,
/// freezes and restarts them by the pids in their pid files, and starts them again through the script, so it only
/// ever touches the servers of the checkout it runs in, on the ports it was given.
/// </summary>
public sealed class LocalServices(string repositoryRoot, int primaryPort, int redisPort)
{
    private string Local => Path.Combine(repositoryRoot, ".local");

    public int PrimaryPid() => ReadPid(Path.Combine(Local, "mariadb", "mariadb.pid"));

    public int ReplicaPid() => ReadPid(Path.Combine(Local, "mariadb-replica", "mariadb.pid"));

    public int RedisPid() => ReadPid(Path.Combine(Local, "redis", "redis.pid"));

    /// <summary>Fault 1: the replica's mysqld dies at once (SIGKILL), as in a crash.</summary>
    public Task KillReplicaAsync() => SignalAndWaitAsync(ReplicaPid(), "KILL");

    public Task StartReplicaAsync() => ScriptAsync("replica-start");

    /// <summary>Fault 2: Redis stops answering but keeps its connections (SIGSTOP), until <see cref="ThawRedisAsync"/>.</summary>
    public Task FreezeRedisAsync() => SignalAsync(RedisPid(), "STOP");

    public Task ThawRedisAsync() => SignalAsync(RedisPid(), "CONT");

    /// <summary>Fault 4, first half: a clean shutdown of the primary (SIGTERM), waiting until it is gone.</summary>
    public Task StopPrimaryAsync() => SignalAndWaitAsync(PrimaryPid(), "TERM");

    /// <summary><c>services.sh start</c> starts what is not running: here only the primary.</summary>
    public Task StartPrimaryAsync() => ScriptAsync("start");

    private static int ReadPid(string file) =>
        int.Parse(File.ReadAllText(file).Trim(), CultureInfo.InvariantCulture);

    private static async Task SignalAsync(int pid, string signal)
    {
        using var kill = Process.Start("kill", ["-" + signal, pid.ToString(CultureInfo.InvariantCulture)]);
        await kill.WaitForExitAsync();
        if (kill.ExitCode != 0)
        {
            throw new InvalidOperationException($"kill -{signal} {pid} failed");
        }
    }

    private static async Task SignalAndWaitAsync(int pid, string signal)
    {
        await SignalAsync(pid, signal);
        var waited = Stopwatch.StartNew();
        while (IsRunning(pid) && waited.Elapsed < TimeSpan.FromSeconds(60))
        {
            await Task.Delay(50);
        }
    }

    /// <summary>Alive and not a zombie (a container's PID 1 may never reap a killed server).</summary>
    private static bool IsRunning(int pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            return stat[(stat.LastIndexOf(')') + 2)..][0] != 'Z';
        }
        catch (IOException)
        {
            return false;
        }
    }

    private async Task ScriptAsync(string command)
    {
        var start = new ProcessStartInfo(Path.Combine(repositoryRoot, "scripts", "services.sh"), command)
        {
            WorkingDirectory = repositoryRoot,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.Environment["TB_DB_PORT"] = primaryPort.ToString(CultureInfo.InvariantCulture);
        start.Environment["TB_REDIS_PORT"] = redisPort.ToString(CultureInfo.InvariantCulture);
        using var script = Process.Start(start) ?? throw new InvalidOperationException("services.sh did not start");
        var output = script.StandardOutput.ReadToEndAsync();
        var errors = script.StandardError.ReadToEndAsync();
        await script.WaitForExitAsync();
        if (script.ExitCode != 0)
        {
            throw new InvalidOperationException($"services.sh {command} failed: {await output}{await errors}");
        }
    }
}
