using System.Diagnostics;
using System.Globalization;

namespace TicketBlue.Benchmarks;

/// <summary>CPU seconds each process used between two samples, and how busy the whole machine was.</summary>
public sealed record CpuUsage(TimeSpan Wall, IReadOnlyList<(string Name, double Seconds)> Processes, double MachineBusySeconds)
{
    public double Capacity => Wall.TotalSeconds * Environment.ProcessorCount;

    /// <summary>Busy CPU not accounted to the named processes: other work on this shared machine, the kernel's share.</summary>
    public double OtherSeconds => Math.Max(0, MachineBusySeconds - Processes.Sum(process => process.Seconds));

    /// <summary>CPU seconds of the named process, or NaN when it was not sampled.</summary>
    public double SecondsOf(string name) =>
        Processes.Where(process => process.Name == name).Select(process => process.Seconds).DefaultIfEmpty(double.NaN).First();

    public string Describe()
    {
        string Share(double seconds) => string.Create(CultureInfo.InvariantCulture, $"{seconds:F1} s ({100 * seconds / Capacity:F0}%)");
        var parts = Processes.Select(process => $"{process.Name} {Share(process.Seconds)}").Append($"other {Share(OtherSeconds)}");
        return string.Create(CultureInfo.InvariantCulture, $"{string.Join(", ", parts)}; machine busy {100 * MachineBusySeconds / Capacity:F0}% of {Environment.ProcessorCount} cores over {Wall.TotalSeconds:F1} s");
    }
}

/// <summary>
/// Reads Linux's /proc for the processes that share the two cores during a run: the app, MariaDB,
/// Redis and the benchmark itself. Tells which of them a throughput limit comes from.
/// Best effort: a process that cannot be found or read is left out of the report.
/// </summary>
public sealed class CpuSampler
{
    private readonly IReadOnlyList<(string Name, int Pid)> _processes;
    private long _wallStart;
    private Dictionary<int, double> _start = [];
    private double _machineStart;

    public CpuSampler(IReadOnlyList<(string Name, int Pid)> processes)
    {
        _processes = processes;
    }

    /// <summary>The process named <paramref name="comm"/> whose command line mentions <paramref name="hint"/> (e.g. its port).</summary>
    public static int? FindProcess(string comm, string hint)
    {
        foreach (var directory in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(directory), NumberStyles.None, CultureInfo.InvariantCulture, out var pid))
            {
                continue;
            }

            try
            {
                if (File.ReadAllText(Path.Combine(directory, "comm")).Trim() == comm
                    && File.ReadAllText(Path.Combine(directory, "cmdline")).Contains(hint, StringComparison.Ordinal))
                {
                    return pid;
                }
            }
            catch (IOException)
            {
                // The process ended while we looked.
            }
            catch (UnauthorizedAccessException)
            {
                // Not ours to read.
            }
        }

        return null;
    }

    public void Start()
    {
        _wallStart = Stopwatch.GetTimestamp();
        _start = _processes.ToDictionary(process => process.Pid, process => ProcessSeconds(process.Pid) ?? double.NaN);
        _machineStart = MachineBusySeconds();
    }

    public CpuUsage Stop()
    {
        var wall = Stopwatch.GetElapsedTime(_wallStart);
        var used = _processes
            .Select(process => (process.Name, Seconds: (ProcessSeconds(process.Pid) ?? double.NaN) - _start[process.Pid]))
            .Where(process => !double.IsNaN(process.Seconds))
            .ToList();
        return new CpuUsage(wall, used, MachineBusySeconds() - _machineStart);
    }

    /// <summary>User plus system time of one process: fields 14 and 15 of /proc/PID/stat, in clock ticks of 1/100 s.</summary>
    private static double? ProcessSeconds(int pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');

            // After "pid (comm) " the fields start at the 3rd (state), so utime (14th) is index 11.
            return (long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture)) / 100.0;
        }
        catch (IOException)
        {
            return null;
        }
    }

    /// <summary>All cores' busy time from the first line of /proc/stat: everything but idle and iowait.</summary>
    private static double MachineBusySeconds()
    {
        var fields = File.ReadLines("/proc/stat").First().Split(' ', StringSplitOptions.RemoveEmptyEntries).Skip(1)
            .Select(field => long.Parse(field, CultureInfo.InvariantCulture)).ToList();

        // user nice system idle iowait irq softirq steal guest guest_nice; guests are already inside user and nice.
        var busy = fields.Take(8).Sum() - fields[3] - fields[4];
        return busy / 100.0;
    }
}
