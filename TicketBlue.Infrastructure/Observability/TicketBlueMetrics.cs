using System.Collections.Concurrent;
using System.Diagnostics.Metrics;

namespace TicketBlue.Infrastructure.Observability;

/// <summary>
/// The business metrics (issue 17), on the meter <see cref="MeterName"/>: what happens is counted where it
/// happens (holds, admissions, payments, refunds, deliveries, job runs); levels that live elsewhere (outbox
/// backlog, waiting line, search-index lag, replica lag) are read when the metrics are collected. Exported
/// with ASP.NET Core's and the clients' own meters in Prometheus format on <c>/metrics</c>.
/// </summary>
public sealed class TicketBlueMetrics
{
    public const string MeterName = "TicketBlue";

    private readonly Counter<long> _holds;
    private readonly Histogram<double> _holdDuration;
    private readonly Counter<long> _admissions;
    private readonly Counter<long> _payments;
    private readonly Counter<long> _refunds;
    private readonly Counter<long> _deliveryFailures;
    private readonly Counter<long> _jobRuns;
    private readonly UpDownCounter<long> _circuits;
    private readonly ConcurrentDictionary<long, long> _waiting = new();
    private long _outboxBacklog = -1;

    public TicketBlueMetrics(IMeterFactory meterFactory, IReplicaLagSource replica, ISearchIndexLagSource searchIndex)
    {
        ArgumentNullException.ThrowIfNull(meterFactory);
        var meter = meterFactory.Create(MeterName);
        _holds = meter.CreateCounter<long>("ticketblue.holds", "{request}", "Hold requests answered, by outcome (held or refused); holds per second is its rate.");
        _holdDuration = meter.CreateHistogram<double>(
            "ticketblue.hold.duration",
            "s",
            "Time to answer a hold request, by outcome.",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5] });
        _admissions = meter.CreateCounter<long>("ticketblue.waiting_room.admissions", "{person}", "People let in from waiting rooms by this node.");
        meter.CreateObservableGauge("ticketblue.waiting_room.waiting", ObserveWaiting, "{person}", "People waiting in each round's line, as this node last counted.");
        _payments = meter.CreateCounter<long>("ticketblue.payments", "{payment}", "Payments settled, by outcome (confirmed or failed).");
        _refunds = meter.CreateCounter<long>("ticketblue.refunds", "{refund}", "Refunds recorded: customer and admin cancellations, and charges without a reservation.");
        meter.CreateObservableGauge("ticketblue.outbox.backlog", ObserveBacklog, "{message}", "Notifications waiting to be delivered (pending), sampled.");
        _deliveryFailures = meter.CreateCounter<long>("ticketblue.outbox.delivery_failures", "{attempt}", "Failed delivery attempts of notifications, by channel.");
        _jobRuns = meter.CreateCounter<long>("ticketblue.job.runs", "{run}", "Batch job runs ended, by job and outcome (succeeded, failed).");
        _circuits = meter.CreateUpDownCounter<long>("ticketblue.circuits.open", "{circuit}", "Blazor circuits (interactive pages) open on this node.");
        meter.CreateObservableGauge("ticketblue.search_index.lag", () => searchIndex.Lag.TotalSeconds, "s", "Age of the oldest catalogue change this node's search index has not applied yet (0 when none waits).");
        meter.CreateObservableGauge("ticketblue.replica.lag", () => ObserveReplicaLag(replica), "s", "How far the read replica is behind the primary.");
        meter.CreateObservableGauge("ticketblue.replica.usable", () => replica.IsUsable ? 1 : 0, null, "1 while reads go to the replica, 0 while they go to the primary.");
    }

    public void HoldAnswered(bool held, TimeSpan elapsed)
    {
        var outcome = new KeyValuePair<string, object?>("outcome", held ? "held" : "refused");
        _holds.Add(1, outcome);
        _holdDuration.Record(elapsed.TotalSeconds, outcome);
    }

    public void Admitted(int people)
    {
        if (people > 0)
        {
            _admissions.Add(people);
        }
    }

    /// <summary>The line of a round as counted now; a round no longer in use is forgotten.</summary>
    public void Waiting(long roundId, long? people)
    {
        if (people is { } count)
        {
            _waiting[roundId] = count;
        }
        else
        {
            _waiting.TryRemove(roundId, out _);
        }
    }

    public void PaymentConfirmed() => _payments.Add(1, new KeyValuePair<string, object?>("outcome", "confirmed"));

    public void PaymentFailed() => _payments.Add(1, new KeyValuePair<string, object?>("outcome", "failed"));

    public void Refunded() => _refunds.Add(1);

    public void OutboxBacklog(long pending) => Interlocked.Exchange(ref _outboxBacklog, pending);

    public void DeliveryFailed(string channel) => _deliveryFailures.Add(1, new KeyValuePair<string, object?>("channel", channel));

    public void JobRunEnded(string jobKey, bool succeeded) =>
        _jobRuns.Add(1, new KeyValuePair<string, object?>("job", jobKey), new KeyValuePair<string, object?>("outcome", succeeded ? "succeeded" : "failed"));

    public void CircuitOpened() => _circuits.Add(1);

    public void CircuitClosed() => _circuits.Add(-1);

    private IEnumerable<Measurement<long>> ObserveWaiting() =>
        _waiting.Select(entry => new Measurement<long>(entry.Value, new KeyValuePair<string, object?>("round", entry.Key)));

    private IEnumerable<Measurement<long>> ObserveBacklog()
    {
        var backlog = Interlocked.Read(ref _outboxBacklog);
        return backlog < 0 ? [] : [new Measurement<long>(backlog)];
    }

    private static IEnumerable<Measurement<double>> ObserveReplicaLag(IReplicaLagSource replica) =>
        replica.Lag is { } lag ? [new Measurement<double>(lag.TotalSeconds)] : [];
}
