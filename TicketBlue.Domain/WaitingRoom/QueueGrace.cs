namespace TicketBlue.Domain.WaitingRoom;

/// <summary>
/// Keeping one's place: every refresh of the waiting page (or the API's position call) says "still
/// here". Someone not heard from for the grace period is skipped when their turn comes, and joins
/// the end if they come back later; within it, a closed tab that returns keeps its place.
/// </summary>
public static class QueueGrace
{
    /// <summary>Last seen before this moment: dropped when their turn comes.</summary>
    public static DateTimeOffset StaleBefore(DateTimeOffset now, TimeSpan grace) => now - grace;

    public static bool IsStillWaiting(DateTimeOffset lastSeen, TimeSpan grace, DateTimeOffset now) => lastSeen >= StaleBefore(now, grace);
}
