using System.Globalization;
using System.Text;

namespace TicketBlue.Benchmarks.SeatMap;

/// <summary>The seat-map benchmark's Markdown report, as pasted into docs/benchmarks.md.</summary>
public static class SeatMapReport
{
    public static string Write(SeatMapOptions options, MachineInfo machine, string databaseServer, IReadOnlyList<VariantResult> runs)
    {
        var report = new StringBuilder();
        var culture = CultureInfo.InvariantCulture;
        report.AppendLine(culture, $"Machine: {machine.Cores} cores ({machine.Cpu}), {machine.MemoryGiB:N1} GiB, {machine.Os}, {machine.Runtime}; load average at the start {machine.LoadAverage}. Database server {databaseServer}.");
        report.AppendLine(culture, $"Viewers: headless Chromium pages through Playwright, {options.PagesPerContext} per browser context, opened one after the other; each counts once it is interactive and all its seats are drawn.");
        report.AppendLine();
        report.AppendLine("| version | viewers | managed heap after GC | GC committed | resident (VmRSS) |");
        report.AppendLine("|---|---:|---:|---:|---:|");
        foreach (var run in runs)
        {
            foreach (var sample in run.Samples)
            {
                report.AppendLine(culture, $"| {run.Name} | {sample.Viewers} | {Mib(sample.ManagedHeapBytes)} | {Mib(sample.CommittedBytes)} | {Mib(sample.ResidentBytes)} |");
            }
        }

        report.AppendLine();
        report.AppendLine("| version | round (seats) | managed heap per viewer (slope) | GC committed per viewer | resident per viewer (slope) | first load: HTTP (requests) | first load: circuit received / sent | first load total | app error lines while viewing |");
        report.AppendLine("|---|---|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var run in runs)
        {
            var load = run.FirstLoad;
            report.AppendLine(culture, $"| **{run.Name}** | {run.RoundId} ({run.Seats:N0}) | **{Kib(run.Slope(sample => sample.ManagedHeapBytes))}** | {Kib(run.Slope(sample => sample.CommittedBytes))} | **{Kib(run.Slope(sample => sample.ResidentBytes))}** | {Kib(load.HttpBytes)} ({load.Requests}) | {Kib(load.WebSocketBytesReceived)} / {Kib(load.WebSocketBytesSent)} | {Kib(load.Total)} | {run.ErrorLines} |");
        }

        return report.ToString();
    }

    private static string Mib(long bytes) => string.Create(CultureInfo.InvariantCulture, $"{bytes / 1048576.0:N1} MiB");

    private static string Kib(double bytes) => string.Create(CultureInfo.InvariantCulture, $"{bytes / 1024.0:N0} KB");
}
