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
        if (options.WarmUpViewers > 0)
        {
            report.AppendLine(culture, $"Each app first gets {options.WarmUpViewers} warm-up viewers, kept open: the viewers below count them, the slopes are over the viewers added after them.");
        }

        foreach (var variant in options.EnvironmentVariants)
        {
            report.AppendLine(culture, $"Variant {variant}: this checkout's app with these environment variables.");
        }

        report.AppendLine();
        report.AppendLine("| version | run | viewers | managed heap after GC | GC committed | resident (VmRSS) | of it anonymous | of it files | threads |");
        report.AppendLine("|---|---:|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var run in runs)
        {
            foreach (var sample in run.Samples)
            {
                report.AppendLine(culture, $"| {run.Name} | {run.Repetition} | {sample.Viewers} | {Mib(sample.ManagedHeapBytes)} | {Mib(sample.CommittedBytes)} | {Mib(sample.ResidentBytes)} | {Mib(sample.AnonymousBytes)} | {Mib(sample.FileBytes)} | {sample.Threads} |");
            }
        }

        report.AppendLine();
        report.AppendLine("| version | run | round (seats) | managed heap per viewer (slope) | GC committed per viewer | resident per viewer (slope) | resident − GC committed per viewer | threads per viewer | first load: HTTP (requests) | first load: circuit received / sent | first load total | app error lines while viewing |");
        report.AppendLine("|---|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var run in runs)
        {
            var load = run.FirstLoad;
            report.AppendLine(culture, $"| **{run.Name}** | {run.Repetition} | {run.RoundId} ({run.Seats:N0}) | **{Kib(run.Slope(sample => sample.ManagedHeapBytes))}** | {Kib(run.Slope(sample => sample.CommittedBytes))} | **{Kib(run.Slope(sample => sample.ResidentBytes))}** | {Kib(run.Slope(sample => sample.ResidentBytes - sample.CommittedBytes))} | {run.Slope(sample => sample.Threads):N2} | {Kib(load.HttpBytes)} ({load.Requests}) | {Kib(load.WebSocketBytesReceived)} / {Kib(load.WebSocketBytesSent)} | {Kib(load.Total)} | {run.ErrorLines} |");
        }

        if (runs.Select(run => run.Repetition).Distinct().Count() > 1)
        {
            WriteMedians(report, runs);
        }

        return report.ToString();
    }

    /// <summary>Each variant's median slopes over its repetitions, and its resident slope against the plain "after" app's.</summary>
    private static void WriteMedians(StringBuilder report, IReadOnlyList<VariantResult> runs)
    {
        var culture = CultureInfo.InvariantCulture;
        double MedianSlope(IEnumerable<VariantResult> variantRuns, Func<MemorySample, long> bytes) => Statistics.Median(variantRuns.Select(run => run.Slope(bytes)));
        var baseline = runs.Where(run => run.Name == "after").ToList();
        var baselineResident = baseline.Count > 0 ? MedianSlope(baseline, sample => sample.ResidentBytes) : double.NaN;
        report.AppendLine();
        report.AppendLine("| version | runs | median managed heap per viewer | median GC committed per viewer | median resident per viewer (each run) | resident ÷ after's | median resident per viewer from the second step (each run) | median first load total |");
        report.AppendLine("|---|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var variant in runs.GroupBy(run => run.Name))
        {
            var resident = MedianSlope(variant, sample => sample.ResidentBytes);
            var each = string.Join(", ", variant.Select(run => Kib(run.Slope(sample => sample.ResidentBytes))));
            // Without the first step: what the first viewers still cost once per process (allocator arenas, tier-1 code) is left out.
            var later = Statistics.Median(variant.Select(run => run.Slope(sample => sample.ResidentBytes, skip: 1)));
            var laterEach = string.Join(", ", variant.Select(run => Kib(run.Slope(sample => sample.ResidentBytes, skip: 1))));
            report.AppendLine(culture, $"| **{variant.Key}** | {variant.Count()} | {Kib(MedianSlope(variant, sample => sample.ManagedHeapBytes))} | {Kib(MedianSlope(variant, sample => sample.CommittedBytes))} | **{Kib(resident)}** ({each}) | {resident / baselineResident:N2} | **{Kib(later)}** ({laterEach}) | {Kib(Statistics.Median(variant.Select(run => (double)run.FirstLoad.Total)))} |");
        }
    }

    private static string Mib(long bytes) => string.Create(CultureInfo.InvariantCulture, $"{bytes / 1048576.0:N1} MiB");

    private static string Kib(double bytes) => string.Create(CultureInfo.InvariantCulture, $"{bytes / 1024.0:N0} KB");
}
