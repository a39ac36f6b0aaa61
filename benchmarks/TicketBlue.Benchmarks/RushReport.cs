using System.Globalization;
using System.Text;

namespace TicketBlue.Benchmarks;

public sealed record RushReportInput(
    BenchmarkArguments Arguments,
    MachineInfo Machine,
    DatabaseServerInfo Server,
    TimeSpan SignInTime,
    RushResult Rush,
    CpuUsage RushCpu,
    RushVerification Verification,
    CeilingResult Ceiling,
    int RushErrorLines,
    int AllErrorLines,
    double HttpFloorPerSecond);

/// <summary>The rush's Markdown block, ready to paste into docs/benchmarks.md.</summary>
public static class RushReport
{
    /// <summary>Issue 4's target: successful holds per second at least this share of the raw UPDATE ceiling.</summary>
    public const double TargetShareOfCeiling = 0.40;

    public static string Write(RushReportInput input)
    {
        var (arguments, machine, server, rush, verification, ceiling) = (input.Arguments, input.Machine, input.Server, input.Rush, input.Verification, input.Ceiling);
        var options = arguments.Rush;
        var text = new StringBuilder();
        void Line(FormattableString line) => text.AppendLine(line.ToString(CultureInfo.InvariantCulture));
        void Row(string measure, FormattableString value) => text.AppendLine(CultureInfo.InvariantCulture, $"| {measure} | {value.ToString(CultureInfo.InvariantCulture)} |");

        var holds = rush.Attempts.Select(attempt => attempt.Latency.TotalMilliseconds).Order().ToList();
        var successes = rush.Attempts.Where(attempt => attempt.Outcome == HoldOutcome.Held).Select(attempt => attempt.Latency.TotalMilliseconds).Order().ToList();
        var reads = rush.Clients.SelectMany(client => client.AvailabilityReads).Select(read => read.TotalMilliseconds).Order().ToList();
        var codes = rush.Attempts.Where(attempt => attempt.Outcome != HoldOutcome.Held)
            .GroupBy(attempt => $"{attempt.Status} {attempt.Code ?? "(no code)"}")
            .OrderByDescending(group => group.Count())
            .Select(group => string.Create(CultureInfo.InvariantCulture, $"{group.Key} × {group.Count():N0}"));
        var share = rush.HoldsPerSecond / ceiling.UpdatesPerSecond;

        Line($"### On-sale rush, {DateTimeOffset.UtcNow:yyyy-MM-dd HH:mm} UTC");
        text.AppendLine();
        Line($"- Machine: {machine.Cores} cores ({machine.Cpu}), {machine.MemoryGiB:F0} GiB, {machine.Os}, {machine.Runtime}; load average at start {machine.LoadAverage}");
        Line($"- MariaDB {server.Version} (innodb_flush_log_at_trx_commit={server.FlushLogAtCommit}, binary log {(server.BinaryLog == "1" ? "on" : "off")}), Redis {options.Redis}, all on this machine's loopback");
        Line($"- Parameters: {options.Clients:N0} clients, {arguments.Seats:N0} seats in {BenchmarkShow.Grades.Count} grades, 1–4 adjacent seats per hold, limit 4 per customer; app MaximumPoolSize {options.AppPoolSize}; ceiling {ceiling.Connections} connections × {ceiling.Window.TotalSeconds:F0} s on {options.CeilingRows:N0} rows; seed {options.Seed}");
        Line($"- Untimed before the rush: {options.Clients:N0} sign-ins in {input.SignInTime.TotalSeconds:F1} s ({options.LoginParallelism} at a time), one request per client to open its connection, 3 × 32 hold+release on another round");
        text.AppendLine();
        text.AppendLine("| measure | value |");
        text.AppendLine("| --- | --- |");
        Row("successful holds", $"{rush.Receipts.Count:N0} of {options.Clients:N0} clients");
        Row("seats held", $"{rush.SeatsHeld:N0} of {arguments.Seats:N0}");
        Row("selling time (release → last successful hold)", $"{rush.SellingTime.TotalSeconds:F2} s (all clients done after {rush.TotalTime.TotalSeconds:F2} s)");
        Row("**successful holds/s**", $"**{rush.HoldsPerSecond:N0}**");
        Row("seats held/s", $"{rush.SeatsPerSecond:N0}");
        Row("hold requests: 201 / 409 / 422 / other", $"{holds.Count:N0}: {rush.Count(HoldOutcome.Held):N0} / {rush.Count(HoldOutcome.Conflict):N0} / {rush.Count(HoldOutcome.Refused):N0} / {rush.Count(HoldOutcome.Error):N0}");
        Row("failed requests by status and code", $"{(codes.Any() ? string.Join(", ", codes) : "none")}");
        Row("retries per client (mean)", $"{rush.MeanRetriesPerClient:F2}");
        Row("hold latency, all requests: p50 / p95 / p99 / max", $"{Latencies(holds)}");
        Row("hold latency, successes: p50 / p95 / p99 / max", $"{Latencies(successes)}");
        Row("availability reads: count, p50 / p95 / p99 / max", $"{reads.Count:N0}, {Latencies(reads)}");
        Row("clients ended: held / sold out / refused / gave up / timed out", $"{rush.Count(ClientEnd.Held):N0} / {rush.Count(ClientEnd.SoldOut):N0} / {rush.Count(ClientEnd.Refused):N0} / {rush.Count(ClientEnd.GaveUp):N0} / {rush.Count(ClientEnd.TimedOut):N0}");
        Row("**oversold seats** (must be 0)", $"**{verification.Oversold}** (claimed twice {verification.DuplicateClaims}, not held by the claiming hold {verification.ClaimsNotHeldByTheirHold})");
        Row("**stuck seats** (must be 0)", $"**{verification.StuckSeats}** (held by no successful hold {verification.OrphanHeldSeats}, not available after releasing every hold {verification.NotAvailableAfterRelease})");
        Row("held seats in the database / in 201 responses", $"{verification.HeldInDatabase:N0} / {verification.SeatsInResponses:N0}");
        Row("releases (16 at a time): failed on first try / never succeeded (5 tries)", $"{verification.ReleasesFailedFirstTime} / {verification.ReleaseFailures} of {rush.Receipts.Count:N0}");
        Row("after release: active holds / free seats per API", $"{verification.ActiveHoldsAfterRelease} / {verification.AvailableByApiAfterRelease:N0} of {verification.Seats:N0}");
        Row("app log lines at Error: during the rush / whole run", $"{input.RushErrorLines} / {input.AllErrorLines}");
        Row("CPU during the rush (share of all cores)", $"{input.RushCpu.Describe()}");
        Row("requests per successful hold: availability reads / hold requests", $"{reads.Count / (double)rush.Receipts.Count:F1} / {holds.Count / (double)rush.Receipts.Count:F1}");
        Row("CPU per successful hold: app / MariaDB", $"{1000 * input.RushCpu.SecondsOf("app") / rush.Receipts.Count:F1} ms / {1000 * input.RushCpu.SecondsOf("MariaDB") / rush.Receipts.Count:F1} ms");
        Row("**ceiling: conditional UPDATEs/s**", $"**{ceiling.UpdatesPerSecond:N0}** ({ceiling.Connections} connections{(ceiling.RanOutOfRows ? ", ran out of rows: raise --ceiling-rows" : string.Empty)})");
        Row("ceiling check: held rows / successful UPDATEs", $"{ceiling.HeldRows:N0} / {ceiling.Successes:N0} ({(ceiling.Consistent ? "equal" : "DIFFERENT")})");
        Row("CPU during the ceiling", $"{ceiling.Cpu.Describe()}");
        Row("MariaDB CPU per ceiling UPDATE", $"{1000 * ceiling.Cpu.SecondsOf("MariaDB") / (ceiling.UpdatesPerSecond * ceiling.Cpu.Wall.TotalSeconds):F3} ms");
        Row("HTTP floor: `GET /health/live`/s, same app and clients", $"{input.HttpFloorPerSecond:N0} ({input.HttpFloorPerSecond / ceiling.UpdatesPerSecond:P1} of the ceiling)");
        Row("**holds/s as share of the ceiling**", $"**{share:P1}**: target ≥ {TargetShareOfCeiling:P0} **{(share >= TargetShareOfCeiling ? "met" : "missed")}**");
        Row("seats/s as share of the ceiling", $"{rush.SeatsPerSecond / ceiling.UpdatesPerSecond:P1}");
        return text.ToString();
    }

    private static string Latencies(List<double> sorted) =>
        sorted.Count == 0
            ? "n/a"
            : string.Create(CultureInfo.InvariantCulture, $"{Statistics.Percentile(sorted, 0.5):N0} / {Statistics.Percentile(sorted, 0.95):N0} / {Statistics.Percentile(sorted, 0.99):N0} / {sorted[^1]:N0} ms");
}
