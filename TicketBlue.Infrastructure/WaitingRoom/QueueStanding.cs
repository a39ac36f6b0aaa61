namespace TicketBlue.Infrastructure.WaitingRoom;

/// <summary>Where one customer stands in one round's waiting room, as Redis knows it.</summary>
public enum StandingKind
{
    /// <summary>Not in line (never joined, skipped after the grace period, or their admission ended).</summary>
    None,

    /// <summary>In the pre-queue before the opening's shuffle: no position yet.</summary>
    PreQueue,

    /// <summary>In line: <see cref="QueueStanding.Position"/> people ahead, counting themselves.</summary>
    Waiting,

    /// <summary>Let in: <see cref="QueueStanding.AdmittedAt"/> says since when.</summary>
    Admitted,
}

/// <param name="QueueNumber">The customer's anonymous queue number, 0 when not in line.</param>
/// <param name="Position">1 = next; 0 outside the line.</param>
/// <param name="Total">People waiting (or in the pre-queue) in all.</param>
public sealed record QueueStanding(StandingKind Kind, long QueueNumber, long Position, long Total, DateTimeOffset? AdmittedAt)
{
    public static readonly QueueStanding None = new(StandingKind.None, 0, 0, 0, null);
}

/// <summary>Counts for the admin console.</summary>
public sealed record QueueCounts(long Waiting, long PreQueue, long Admitted, long AdmittedTotal, long Dropped, long Expired);
