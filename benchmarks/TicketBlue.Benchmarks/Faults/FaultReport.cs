using System.Globalization;
using System.Text;

namespace TicketBlue.Benchmarks.Faults;

/// <summary>The drill's Markdown report: per phase requests and failures by kind, per fault the invariants, then the targets.</summary>
public sealed record FaultReport(
    FaultDrillOptions Options,
    MachineInfo Machine,
    PhaseTally Steady,
    IReadOnlyList<FaultResult> Faults,
    SeatMapResync Resync,
    NotificationAudit Notifications,
    TimeSpan Duration,
    int AppErrorLines,
    IReadOnlyList<string> FirstAppErrors)
{
    private PhaseTally ReplicaDown => Faults[0].Phases[0];

    private PhaseTally PrimaryDown => Faults[3].Phases[0];

    private IEnumerable<(string Target, bool Met, string Measured)> Targets()
    {
        yield return ("0 failed reads while the replica is dead", ReplicaDown.FailedReads == 0 && ReplicaDown.Failures == 0,
            F($"{ReplicaDown.FailedReads} failed page reads, {ReplicaDown.Failures} failed requests of {ReplicaDown.Requests}"));
        yield return ("0 oversold seats", Faults.All(fault => fault.After.Oversold == 0), string.Join(", ", Faults.Select(fault => F($"{fault.After.Oversold}"))));
        yield return ("0 stuck seats", Faults.All(fault => fault.After.Stuck == 0), string.Join(", ", Faults.Select(fault => F($"{fault.After.Stuck}"))));
        yield return ("0 payments without a reservation", Faults.All(fault => fault.After.PaymentsWithoutReservation == 0 && fault.After.ConfirmedWithoutPayment == 0),
            string.Join(", ", Faults.Select(fault => F($"{fault.After.PaymentsWithoutReservation}/{fault.After.ConfirmedWithoutPayment}"))) + " (paid without reservation / confirmed without payment)");
        yield return ("availability answers after every fault", Faults.All(fault => fault.After.AvailabilityUnanswered == 0), string.Join(", ", Faults.Select(fault => F($"{fault.After.AvailabilityUnanswered}"))) + " nodes without a 200 within 15 s");
        yield return ("0 lost or doubled notifications", Notifications.Met,
            F($"e-mail {Notifications.EmailLost} lost, {Notifications.EmailDoubled} doubled; Slack {Notifications.SlackLost} lost, {Notifications.SlackDoubled} doubled"));
        yield return ("seat maps resynchronized ≤ 5 s after Redis returns", Resync.Met,
            F($"all nodes equal to the database after {Seconds(Resync.Resynchronized)}; a change after the thaw seen on the other node after {Seconds(Resync.LiveChangeSeen)}"));
        yield return ("primary down: failures within 2 s with the Korean 503", PrimaryDown.SlowFailures == 0 && PrimaryDown.FailuresWithoutRetryText == 0,
            F($"{PrimaryDown.Failures} failures, longest {PrimaryDown.LongestFailure.TotalSeconds:F2} s, {PrimaryDown.SlowFailures} over 2 s, {PrimaryDown.FailuresWithoutRetryText} without \"잠시 후 다시 시도해 주세요\""));
    }

    public bool Passed => Targets().All(target => target.Met);

    public string Write()
    {
        var report = new StringBuilder();
        report.AppendLine(F($"Fault drill, {DateTimeOffset.UtcNow:yyyy-MM-dd HH:mm} UTC, {Duration.TotalMinutes:F1} min; {Machine.Cores} cores ({Machine.Cpu}), load average at start {Machine.LoadAverage}."));
        report.AppendLine(F($"{Options.Customers} customers on two nodes (:{Options.AppPorts[0]}, :{Options.AppPorts[1]}), {Options.Seats}-seat round; MariaDB :{Options.PrimaryPort} (replica :{Options.PrimaryPort + 1}), Redis :{Options.RedisPort}."));
        report.AppendLine();
        report.AppendLine("| target | met | measured |");
        report.AppendLine("| --- | --- | --- |");
        foreach (var (target, met, measured) in Targets())
        {
            report.AppendLine(F($"| {target} | {(met ? "yes" : "**no**")} | {measured} |"));
        }

        report.AppendLine();
        report.AppendLine("| phase | seconds | requests | failed | failed reads | sent to the other node | longest failure | failures by kind |");
        report.AppendLine("| --- | --- | --- | --- | --- | --- | --- | --- |");
        foreach (var phase in Faults.SelectMany(fault => fault.Phases).Prepend(Steady))
        {
            report.AppendLine(Row(phase));
        }

        report.AppendLine();
        report.AppendLine("| after fault | oversold | stuck | paid without reservation | confirmed without payment | reservations confirmed / cancelled / waiting for payment | nodes whose availability did not answer |");
        report.AppendLine("| --- | --- | --- | --- | --- | --- | --- |");
        foreach (var fault in Faults)
        {
            report.AppendLine(Row(fault));
        }

        report.AppendLine();
        var n = Notifications;
        report.AppendLine(F($"Notifications (outbox against the SMTP sink and the Slack stub, after the drain of {n.DrainedAfter.TotalSeconds:F0} s): e-mail rows {n.EmailRows}, sent {n.EmailSent}, received {n.EmailReceived}, lost {n.EmailLost}, doubled {n.EmailDoubled}; Slack rows {n.SlackRows}, sent {n.SlackSent}, received {n.SlackReceived}, lost {n.SlackLost}, doubled {n.SlackDoubled}; failed delivery attempts {n.FailedAttempts}."));
        report.AppendLine(F($"Redis freeze: hold through node A during the freeze: {Resync.HoldAttemptDuringFreeze} ({Resync.HoldsDuringFreeze} seats held)."));
        report.AppendLine(F($"App error log lines (both nodes): {AppErrorLines}."));
        foreach (var line in FirstAppErrors)
        {
            report.AppendLine(F($"    {(line.Length > 300 ? line[..300] + "…" : line)}"));
        }

        return report.ToString();
    }

    /// <summary>One phase as a row of the phase table (also written to stderr as the drill goes, so a failed drill keeps its numbers).</summary>
    public static string Row(PhaseTally phase)
    {
        var seconds = ((phase.EndedAt ?? DateTimeOffset.UtcNow) - phase.StartedAt).TotalSeconds;
        return F($"| {phase.Name} | {seconds:F0} | {phase.Requests} | {phase.Failures} | {phase.FailedReads} | {phase.FailedOver} | {(phase.Failures == 0 ? "–" : F($"{phase.LongestFailure.TotalSeconds:F2} s"))} | {Kinds(phase)} |");
    }

    /// <summary>The invariants after one fault as a row of the invariants table.</summary>
    public static string Row(FaultResult fault)
    {
        var after = fault.After;
        return F($"| {fault.Name} | {after.Oversold} | {after.Stuck} | {after.PaymentsWithoutReservation} | {after.ConfirmedWithoutPayment} | {after.Confirmed} / {after.Cancelled} / {after.PendingPayment} | {after.AvailabilityUnanswered} |");
    }

    /// <summary>Every answer that was not a success, most frequent first.</summary>
    private static string Kinds(PhaseTally phase)
    {
        var kinds = phase.ByKind.Where(kind => !IsSuccess(kind.Key)).OrderByDescending(kind => kind.Value).Select(kind => F($"{kind.Key}: {kind.Value}")).ToList();
        return kinds.Count == 0 ? "–" : string.Join("; ", kinds);
    }

    private static bool IsSuccess(string kind)
    {
        var parts = kind.Split(' ');
        return parts.Length >= 2 && parts[^1].Length == 3 && parts[^1][0] == '2' && int.TryParse(parts[^1], CultureInfo.InvariantCulture, out _)
            || (parts.Length == 3 && parts[1] == "200" && parts[0] == "card");
    }

    private static string Seconds(TimeSpan? value) => value is { } time ? F($"{time.TotalSeconds:F1} s") : "never (limit 45 s)";

    private static string F(FormattableString value) => value.ToString(CultureInfo.InvariantCulture);
}
