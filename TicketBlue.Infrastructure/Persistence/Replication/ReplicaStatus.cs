using TicketBlue.Infrastructure.Observability;

namespace TicketBlue.Infrastructure.Persistence.Replication;

/// <summary>
/// This node's current view of the replica, one per process: <see cref="IsUsable"/> routes reads,
/// <see cref="Lag"/> and <see cref="State"/> feed the health check and the metrics. The monitor updates it
/// every check; a failed read on the replica marks it down at once, until the next good check.
/// </summary>
public sealed class ReplicaStatus : IReplicaLagSource
{
    private readonly Lock _gate = new();
    private volatile Snapshot _current;

    public ReplicaStatus(bool configured) =>
        _current = new Snapshot(configured ? ReplicaState.Unknown : ReplicaState.NotConfigured, null, null, null);

    /// <summary>True when reads should go to the replica now.</summary>
    public bool IsUsable => _current.State == ReplicaState.Usable;

    public bool IsConfigured => _current.State != ReplicaState.NotConfigured;

    public ReplicaState State => _current.State;

    /// <summary>Seconds_Behind_Master at the last check; null when unknown (down, stopped, not configured).</summary>
    public TimeSpan? Lag => _current.Lag;

    /// <summary>Why the replica is not used, for the health check.</summary>
    public string? Reason => _current.Reason;

    public DateTimeOffset? CheckedAt => _current.CheckedAt;

    /// <summary>Takes a check's result; the rule of what is usable is <see cref="Classify"/>.</summary>
    public void Observe(ReplicaObservation observation, TimeSpan maxLag, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(observation);
        var state = Classify(observation, maxLag);
        var reason = state switch
        {
            ReplicaState.Down => observation.Error ?? "not answering",
            ReplicaState.NotReplicating => "replication threads stopped",
            ReplicaState.Lagging => observation.Lag is { } lag ? $"{lag.TotalSeconds:0} s behind (allowed {maxLag.TotalSeconds:0} s)" : "lag unknown",
            _ => null,
        };
        lock (_gate)
        {
            if (_current.State != ReplicaState.NotConfigured)
            {
                _current = new Snapshot(state, observation.Lag, reason, at);
            }
        }
    }

    /// <summary>A read on the replica failed: stop sending reads there until the next good check.</summary>
    public void ReportFailure(string error)
    {
        lock (_gate)
        {
            if (_current.State != ReplicaState.NotConfigured)
            {
                _current = _current with { State = ReplicaState.Down, Lag = null, Reason = error };
            }
        }
    }

    /// <summary>
    /// The one rule: usable only when it answers, both replication threads run, and its lag is known and
    /// at most <paramref name="maxLag"/>.
    /// </summary>
    public static ReplicaState Classify(ReplicaObservation observation, TimeSpan maxLag)
    {
        ArgumentNullException.ThrowIfNull(observation);
        if (!observation.Reachable)
        {
            return ReplicaState.Down;
        }

        if (!observation.Replicating)
        {
            return ReplicaState.NotReplicating;
        }

        return observation.Lag is { } lag && lag <= maxLag ? ReplicaState.Usable : ReplicaState.Lagging;
    }

    private sealed record Snapshot(ReplicaState State, TimeSpan? Lag, string? Reason, DateTimeOffset? CheckedAt);
}
