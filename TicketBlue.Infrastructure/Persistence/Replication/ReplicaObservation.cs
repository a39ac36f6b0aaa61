namespace TicketBlue.Infrastructure.Persistence.Replication;

/// <summary>
/// What one look at the replica saw (<c>SHOW SLAVE STATUS</c>): whether it answered, whether both
/// replication threads run, and <c>Seconds_Behind_Master</c> (null while unknown, e.g. a stopped SQL thread).
/// </summary>
public sealed record ReplicaObservation(bool Reachable, bool Replicating, TimeSpan? Lag, string? Error = null)
{
    public static ReplicaObservation Unreachable(string error) => new(false, false, null, error);
}
