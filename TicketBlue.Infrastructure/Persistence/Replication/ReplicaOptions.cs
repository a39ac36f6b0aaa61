namespace TicketBlue.Infrastructure.Persistence.Replication;

/// <summary>
/// When reads may use the MariaDB replica (section "Replica"; ADR-011). The replica itself is
/// <c>ConnectionStrings:TicketBlueReplica</c>; empty means no replica and every read goes to the primary.
/// </summary>
public sealed class ReplicaOptions
{
    public const string Section = "Replica";

    /// <summary>Behind the primary by more than this (or lag unknown), reads go to the primary. Seconds, as MariaDB reports it.</summary>
    public TimeSpan MaxLag { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>How often this node asks the replica for its state and lag.</summary>
    public TimeSpan CheckInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// The longest a read waits to connect to the replica before it goes to the primary instead (whole
    /// seconds): a frozen replica costs a request at most this much, never an error.
    /// </summary>
    public TimeSpan ConnectTimeout { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>
    /// After a catalogue edit, the longest the editing request waits for the replica to apply it before it
    /// drops the caches (<c>MASTER_GTID_WAIT</c>), so no reader stores the old rows under the new version.
    /// </summary>
    public TimeSpan CatchUpTimeout { get; set; } = TimeSpan.FromSeconds(1);

    public bool IsValid() =>
        MaxLag >= TimeSpan.FromSeconds(1)
        && CheckInterval >= TimeSpan.FromMilliseconds(100) && CheckInterval <= TimeSpan.FromMinutes(1)
        && ConnectTimeout >= TimeSpan.FromSeconds(1) && ConnectTimeout <= TimeSpan.FromSeconds(30)
        && CatchUpTimeout > TimeSpan.Zero && CatchUpTimeout <= TimeSpan.FromSeconds(10);
}
