namespace TicketBlue.Domain.WaitingRoom;

/// <summary>Where a round's waiting room stands in time.</summary>
public enum QueuePhase
{
    /// <summary>Before the sales opening: people join the pre-queue, in no order yet.</summary>
    PreQueue,

    /// <summary>From the sales opening: the pre-queue was shuffled, later arrivals join the end (first come, first served).</summary>
    Open,
}

/// <summary>The phase rule: the sales opening of the round is the moment the pre-queue is shuffled.</summary>
public static class QueueSchedule
{
    public static QueuePhase PhaseAt(DateTimeOffset salesOpenAt, DateTimeOffset now) =>
        now < salesOpenAt ? QueuePhase.PreQueue : QueuePhase.Open;

    /// <summary>The seed is published from the opening on, never before (its hash is shown instead).</summary>
    public static bool MayPublishSeed(DateTimeOffset salesOpenAt, DateTimeOffset now) =>
        PhaseAt(salesOpenAt, now) == QueuePhase.Open;
}
