using TicketBlue.Domain.WaitingRoom;

namespace TicketBlue.Infrastructure.WaitingRoom;

/// <summary>
/// The waiting room in force for one round: its own settings or else its performance's, and the
/// round's sales opening (the moment of the shuffle).
/// </summary>
public sealed record RoundWaitingRoom(
    long RoundId,
    long PerformanceId,
    long SettingsId,
    bool PerformanceWide,
    bool Enabled,
    int AdmissionPerMinute,
    int MaxActive,
    bool Paused,
    DateTimeOffset SalesOpenAt,
    DateTimeOffset StartsAt,
    ShuffleSeed Seed)
{
    /// <summary>How long a round's line is kept in Redis after the round starts (for questions and checks of the shuffle).</summary>
    public static readonly TimeSpan KeptAfterStart = TimeSpan.FromDays(1);

    public QueuePhase PhaseAt(DateTimeOffset now) => QueueSchedule.PhaseAt(SalesOpenAt, now);

    /// <summary>When the line's keys expire in Redis.</summary>
    public DateTimeOffset ForgottenAt => StartsAt + KeptAfterStart;

    /// <summary>Once the round has started nobody is let in any more: its line is no longer ticked.</summary>
    public bool IsOver(DateTimeOffset now) => now >= StartsAt;
}
