namespace TicketBlue.Infrastructure.Persistence.Replication;

/// <summary>Where reads stand with the replica.</summary>
public enum ReplicaState
{
    /// <summary>No replica configured: every read goes to the primary, as designed.</summary>
    NotConfigured,

    /// <summary>Not checked yet since start-up: reads go to the primary until the first check.</summary>
    Unknown,

    /// <summary>Replicating and within the allowed lag: reads go to the replica.</summary>
    Usable,

    /// <summary>Replicating, but behind by more than the allowed lag (or by an unknown amount).</summary>
    Lagging,

    /// <summary>Answering, but its replication threads are stopped.</summary>
    NotReplicating,

    /// <summary>Not answering, or a read on it just failed.</summary>
    Down,
}
