using System.Globalization;
using System.Runtime.InteropServices;

namespace TicketBlue.Benchmarks;

/// <summary>What the numbers were measured on: they mean little without the cores, the CPU and how loaded the machine already was.</summary>
public sealed record MachineInfo(int Cores, string Cpu, double MemoryGiB, string Os, string Runtime, string LoadAverage)
{
    public static MachineInfo Read()
    {
        var cpu = ReadLines("/proc/cpuinfo").FirstOrDefault(line => line.StartsWith("model name", StringComparison.Ordinal))?.Split(':', 2)[1].Trim() ?? "unknown";
        var memoryKiB = ReadLines("/proc/meminfo").FirstOrDefault(line => line.StartsWith("MemTotal:", StringComparison.Ordinal))?
            .Split(' ', StringSplitOptions.RemoveEmptyEntries)[1];
        var memory = memoryKiB is null ? double.NaN : long.Parse(memoryKiB, CultureInfo.InvariantCulture) / 1024.0 / 1024.0;
        var load = ReadLines("/proc/loadavg").FirstOrDefault()?.Split(' ').Take(3) ?? [];
        return new MachineInfo(Environment.ProcessorCount, cpu, memory, RuntimeInformation.OSDescription, RuntimeInformation.FrameworkDescription, string.Join(" ", load));
    }

    private static IEnumerable<string> ReadLines(string path) => File.Exists(path) ? File.ReadLines(path) : [];
}

/// <summary>The MariaDB server's version and the settings that bound a commit's cost.</summary>
public sealed record DatabaseServerInfo(string Version, string FlushLogAtCommit, string BinaryLog)
{
    public static async Task<DatabaseServerInfo> ReadAsync(string connectionString) => new(
        await Sql.ScalarAsync<string>(connectionString, "SELECT VERSION()"),
        await Sql.ScalarAsync<string>(connectionString, "SELECT @@innodb_flush_log_at_trx_commit"),
        await Sql.ScalarAsync<string>(connectionString, "SELECT @@log_bin"));
}
