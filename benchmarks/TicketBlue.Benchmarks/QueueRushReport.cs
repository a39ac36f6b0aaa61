using System.Diagnostics;
using System.Globalization;
using System.Text;

namespace TicketBlue.Benchmarks;

/// <summary>The two rushes of <see cref="QueueRushBenchmark"/> side by side, as Markdown for docs/benchmarks.md.</summary>
public static class QueueRushReport
{
    public const double TargetHoldP99Milliseconds = 250;
    public const double TargetRequestsPerHold = 2.5;

    public static string Write(BenchmarkArguments arguments, QueueRushOptions queue, MachineInfo machine, TimeSpan signInTime, QueueRushPhase plain, QueueRushPhase queued)
    {
        var options = arguments.Rush;
        var text = new StringBuilder();
        void Line(FormattableString line) => text.AppendLine(line.ToString(CultureInfo.InvariantCulture));
        void Row(string measure, Func<QueueRushPhase, FormattableString> value) =>
            text.AppendLine(CultureInfo.InvariantCulture, $"| {measure} | {value(plain).ToString(CultureInfo.InvariantCulture)} | {value(queued).ToString(CultureInfo.InvariantCulture)} |");

        Line($"### Rush with and without the waiting room, {DateTimeOffset.UtcNow:yyyy-MM-dd HH:mm} UTC");
        text.AppendLine();
        Line($"- Machine: {machine.Cores} cores ({machine.Cpu}), {machine.MemoryGiB:F0} GiB, {machine.Os}, {machine.Runtime}; load average at start {machine.LoadAverage}");
        Line($"- {options.Clients:N0} clients, {arguments.Seats:N0} seats per round, 1–4 adjacent seats per hold, limit 4 per customer; the same signed-in clients rush a round without a waiting room, then another round of the same show with it; seed {options.Seed}");
        Line($"- Waiting room: {queue.AdmissionPerMinute:N0} admitted per minute, at most {queue.MaxActive:N0} in at once, admission tick {queue.AdmissionInterval.TotalMilliseconds:F0} ms; everyone joins the pre-queue {queue.Lead.TotalSeconds:F0} s before the opening; a client polls its position when the server says (`pollAfterSeconds`)");
        Line($"- Untimed before: {options.Clients:N0} sign-ins in {signInTime.TotalSeconds:F0} s, warm-up on a third round");
        text.AppendLine();
        text.AppendLine("| measure | without the waiting room | through the waiting room |");
        text.AppendLine("| --- | --- | --- |");
        Row("successful holds / seats held", phase => $"{phase.Rush.Receipts.Count:N0} / {phase.Rush.SeatsHeld:N0}");
        Row("selling time (release or opening → last successful hold)", phase => $"{phase.Rush.SellingTime.TotalSeconds:F2} s");
        Row("**successful holds/s**", phase => $"**{phase.Rush.HoldsPerSecond:N0}**");
        Row("hold requests: 201 / 409 / 422 / other", phase => $"{phase.Rush.Count(HoldOutcome.Held):N0} / {phase.Rush.Count(HoldOutcome.Conflict):N0} / {phase.Rush.Count(HoldOutcome.Refused):N0} / {phase.Rush.Count(HoldOutcome.Error):N0}");
        Row("**hold latency p50 / p95 / p99 / max** (all hold requests)", phase => $"**{Latencies(phase.Rush.Attempts.Select(attempt => attempt.Latency.TotalMilliseconds))}**");
        Row("availability reads: count, p50 / p99", phase => $"{Reads(phase).Count:N0}, {Percentiles(Reads(phase))}");
        Row("**booking requests per successful hold** (availability + hold)", phase => $"**{BookingRequests(phase) / (double)Math.Max(1, phase.Rush.Receipts.Count):F2}**");
        Row("waiting-room requests (join + position): total, per client, failed", phase => $"{Queue(phase):N0}, {Queue(phase) / (double)options.Clients:F1}, {phase.Rush.Clients.Sum(client => client.QueueErrors):N0}");
        Row("all requests per successful hold", phase => $"{(BookingRequests(phase) + Queue(phase)) / (double)Math.Max(1, phase.Rush.Receipts.Count):F2}");
        Row("admitted clients; opening → admission p50 / p99", phase => $"{Admitted(phase).Count:N0}; {Percentiles(Admitted(phase))}");
        Row("clients ended: held / sold out / refused / gave up / timed out", phase => $"{phase.Rush.Count(ClientEnd.Held):N0} / {phase.Rush.Count(ClientEnd.SoldOut):N0} / {phase.Rush.Count(ClientEnd.Refused):N0} / {phase.Rush.Count(ClientEnd.GaveUp):N0} / {phase.Rush.Count(ClientEnd.TimedOut):N0}");
        Row("**oversold / stuck seats** (must be 0 / 0)", phase => $"**{phase.Verification.Oversold} / {phase.Verification.StuckSeats}**");
        Row("held seats in the database / in 201 answers", phase => $"{phase.Verification.HeldInDatabase:N0} / {phase.Verification.SeatsInResponses:N0}");
        Row("app log lines at Error", phase => $"{phase.ErrorLines}");
        Row("CPU during the phase", phase => $"{phase.Cpu.Describe()}");
        text.AppendLine();
        var p99 = Statistics.Percentile(queued.Rush.Attempts.Select(attempt => attempt.Latency.TotalMilliseconds).Order().ToList(), 0.99);
        var perHold = BookingRequests(queued) / (double)Math.Max(1, queued.Rush.Receipts.Count);
        Line($"Targets through the waiting room: hold p99 < {TargetHoldP99Milliseconds:F0} ms **{(p99 < TargetHoldP99Milliseconds ? "met" : "missed")}** ({p99:F0} ms); ≤ {TargetRequestsPerHold} booking requests per successful hold **{(perHold <= TargetRequestsPerHold ? "met" : "missed")}** ({perHold:F2}); 0 oversold, 0 stuck **{(queued.Verification.Passed ? "met" : "missed")}**.");
        return text.ToString();
    }

    private static int BookingRequests(QueueRushPhase phase) => phase.Rush.Attempts.Count() + Reads(phase).Count;

    private static int Queue(QueueRushPhase phase) => phase.Rush.Clients.Sum(client => client.QueueRequests);

    private static List<double> Reads(QueueRushPhase phase) =>
        phase.Rush.Clients.SelectMany(client => client.AvailabilityReads).Select(read => read.TotalMilliseconds).Order().ToList();

    /// <summary>From the opening to each admitted client's admission, in milliseconds.</summary>
    private static List<double> Admitted(QueueRushPhase phase) =>
        phase.Rush.Clients.Where(client => client.AdmittedAt is not null)
            .Select(client => Stopwatch.GetElapsedTime(phase.Rush.ReleasedAt, client.AdmittedAt!.Value).TotalMilliseconds)
            .Order().ToList();

    private static string Latencies(IEnumerable<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count == 0
            ? "n/a"
            : string.Create(CultureInfo.InvariantCulture, $"{Statistics.Percentile(sorted, 0.5):N0} / {Statistics.Percentile(sorted, 0.95):N0} / {Statistics.Percentile(sorted, 0.99):N0} / {sorted[^1]:N0} ms");
    }

    private static string Percentiles(List<double> sorted) =>
        sorted.Count == 0
            ? "n/a"
            : string.Create(CultureInfo.InvariantCulture, $"{Statistics.Percentile(sorted, 0.5):N0} / {Statistics.Percentile(sorted, 0.99):N0} ms");
}
