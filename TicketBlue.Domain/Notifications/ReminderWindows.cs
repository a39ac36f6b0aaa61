using TicketBlue.Domain.Common;

namespace TicketBlue.Domain.Notifications;

/// <summary>
/// Which rounds the two daily customer reminders are about, decided from the run's start (a resumed run
/// keeps its start, so every chunk of one run means the same rounds).
/// </summary>
public static class ReminderWindows
{
    /// <summary>
    /// 관람 D-1 안내: rounds starting on the Seoul calendar day after the run started, midnight to midnight
    /// in Korea Standard Time whatever the server's zone (a round at 00:30 tomorrow is in, one at 23:30
    /// today is not).
    /// </summary>
    public static TimeWindow ShowDayReminder(DateTimeOffset runStartedAt)
    {
        var tomorrow = SeoulTime.DateOf(runStartedAt).AddDays(1);
        return new TimeWindow(SeoulTime.At(tomorrow, TimeOnly.MinValue), SeoulTime.At(tomorrow.AddDays(1), TimeOnly.MinValue));
    }

    /// <summary>
    /// 관람평 요청: rounds that ended (<see cref="Rounds.Round.EndsAt"/>: start plus running time and
    /// intermission) in the 24 hours before the run started. The run is at 21:00, so these are the day's
    /// matinées and early evenings; a show ending after 21:00 has not ended when the run starts and is
    /// invited at the next evening's run instead of never. Back-to-back daily runs cover every instant once.
    /// </summary>
    public static TimeWindow ReviewInvitation(DateTimeOffset runStartedAt) =>
        new(runStartedAt - TimeSpan.FromDays(1), runStartedAt);
}
