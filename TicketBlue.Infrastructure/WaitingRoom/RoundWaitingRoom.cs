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
    ShuffleSeed Seed)
{
    public QueuePhase PhaseAt(DateTimeOffset now) => QueueSchedule.PhaseAt(SalesOpenAt, now);
}
