using TicketBlue.Domain.Common;

namespace TicketBlue.Domain.Performances;

/// <summary>
/// When an old performance leaves the catalogue (종료 공연 정리): once its run ended more than the
/// retention period ago (<c>Catalog:PurgeAfter</c>, 10 years by default, as the original system).
/// A run ends at midnight in Seoul after its last day; a round may only start inside the run, so no
/// round of it is still being played then (a late round spilling past midnight is hours, not years).
/// </summary>
public static class CatalogRetention
{
    /// <summary>The instant the show's run is over: the start of the day after its last day, in Seoul.</summary>
    public static DateTimeOffset EndOf(DateSpan run)
    {
        ArgumentNullException.ThrowIfNull(run);
        return SeoulTime.At(run.Last.AddDays(1), TimeOnly.MinValue);
    }

    /// <summary>Whether a show with <paramref name="run"/> ended more than <paramref name="purgeAfter"/> before <paramref name="now"/>.</summary>
    public static bool IsDue(DateSpan run, DateTimeOffset now, TimeSpan purgeAfter) => EndOf(run) + purgeAfter <= now;

    /// <summary>
    /// The same rule as a bound for SQL: a show is due exactly when its run's last day is on or before
    /// this day (the run ends at midnight after its last day, so it ended by <c>now - purgeAfter</c>
    /// when that midnight is on or before the Seoul day of <c>now - purgeAfter</c>).
    /// </summary>
    public static DateOnly LastRunDayDue(DateTimeOffset now, TimeSpan purgeAfter) =>
        SeoulTime.DateOf(now - purgeAfter).AddDays(-1);
}
