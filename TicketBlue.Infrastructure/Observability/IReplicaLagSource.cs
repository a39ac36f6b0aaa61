namespace TicketBlue.Infrastructure.Observability;

/// <summary>
/// The read replica's state as the metrics show it (<c>ticketblue.replica.lag</c>, <c>ticketblue.replica.usable</c>).
/// The replica's read routing provides it; without a replica <see cref="NoReplica"/> stands in.
/// </summary>
public interface IReplicaLagSource
{
    /// <summary>How far the replica is behind, or null when unknown (no replica, or it does not answer).</summary>
    TimeSpan? Lag { get; }

    /// <summary>Whether reads go to the replica now.</summary>
    bool IsUsable { get; }
}

/// <summary>No replica configured: no lag to show, and every read goes to the primary.</summary>
public sealed class NoReplica : IReplicaLagSource
{
    public TimeSpan? Lag => null;

    public bool IsUsable => false;
}
