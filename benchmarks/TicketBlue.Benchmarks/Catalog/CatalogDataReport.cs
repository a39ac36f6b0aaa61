using System.Globalization;
using System.Text;

namespace TicketBlue.Benchmarks.Catalog;

/// <summary>The generation's Markdown block: one row per step, then the totals and the machine.</summary>
public static class CatalogDataReport
{
    public static string Write(CatalogOptions options, CatalogCounts counts, IReadOnlyList<(string Step, long Rows, TimeSpan Time)> steps, TimeSpan total, long bytes)
    {
        var machine = MachineInfo.Read();
        var text = new StringBuilder();
        void Line(FormattableString line) => text.AppendLine(line.ToString(CultureInfo.InvariantCulture));
        Line($"### Catalogue generation, {DateTimeOffset.UtcNow:yyyy-MM-dd HH:mm} UTC");
        text.AppendLine();
        Line($"- `catalog-data --scale {options.Scale} --seed {options.Seed}` into `{options.Database}`; {machine.Cores} cores, load average at end {machine.LoadAverage}");
        Line($"- {counts.Venues:N0} venues ({CatalogCounts.SeatsPerLayout} seats each), {counts.Performers:N0} performers, {counts.Performances:N0} performances, {counts.Rounds:N0} rounds, {counts.RoundSeats:N0} round seats, {counts.Customers:N0} customers, {counts.Reservations:N0} reservations");
        text.AppendLine();
        text.AppendLine("| step | rows | time | rows/s |");
        text.AppendLine("| --- | --- | --- | --- |");
        foreach (var (step, rows, time) in steps)
        {
            Line($"| {step} | {rows:N0} | {time.TotalSeconds:F1} s | {(rows == 0 ? "–" : (rows / time.TotalSeconds).ToString("N0", CultureInfo.InvariantCulture))} |");
        }

        var all = steps.Sum(step => step.Rows);
        Line($"| **total** | **{all:N0}** | **{total.TotalSeconds:F1} s** | **{all / total.TotalSeconds:N0}** |");
        text.AppendLine();
        Line($"Database size (data + indexes, information_schema): {bytes / 1024.0 / 1024.0:N0} MiB.");
        return text.ToString();
    }
}
