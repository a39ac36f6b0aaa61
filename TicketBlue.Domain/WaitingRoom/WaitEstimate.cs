namespace TicketBlue.Domain.WaitingRoom;

/// <summary>What the waiting page tells someone in line, and how often it asks again.</summary>
public static class WaitEstimate
{
    /// <summary>
    /// Expected time until admission at the configured rate; null while paused or before the
    /// opening (nobody moves then). Position 1 is next.
    /// </summary>
    public static TimeSpan? For(long position, int admissionPerMinute, bool paused)
    {
        if (paused || admissionPerMinute <= 0 || position <= 0)
        {
            return null;
        }

        return TimeSpan.FromMinutes(position / (double)admissionPerMinute);
    }

    /// <summary>
    /// How long the page waits before asking again: every 2 s near the front, 5 s within a thousand,
    /// 10 s further back (NetFUNNEL polls 1–2 s near the front, 8–10 s at the back). Never longer
    /// than half the expected wait, so nobody is admitted long before their page notices.
    /// </summary>
    public static TimeSpan PollInterval(long position, TimeSpan? expectedWait)
    {
        var byPosition = position switch
        {
            <= 100 => TimeSpan.FromSeconds(2),
            <= 1_000 => TimeSpan.FromSeconds(5),
            _ => TimeSpan.FromSeconds(10),
        };
        if (expectedWait is { } wait && wait / 2 < byPosition)
        {
            return wait / 2 < TimeSpan.FromSeconds(2) ? TimeSpan.FromSeconds(2) : wait / 2;
        }

        return byPosition;
    }

    /// <summary>
    /// The interval stretched or shrunk by up to a fifth, by <paramref name="unit"/> (0 ≤ unit &lt; 1, drawn
    /// at random per answer): people who joined at the same instant would otherwise ask at the same
    /// instants forever, and those let in at one tick would all reach the seat map in the same second.
    /// </summary>
    public static TimeSpan Spread(TimeSpan interval, double unit) => interval * (0.8 + (0.4 * Math.Clamp(unit, 0, 1)));
}
