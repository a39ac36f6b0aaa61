namespace TicketBlue.Infrastructure.Persistence;

/// <summary>Times as MariaDB keeps them (<c>datetime(6)</c>): an instant a customer is told is the one stored.</summary>
internal static class StoredTime
{
    /// <summary>Now, cut to the microsecond.</summary>
    public static DateTimeOffset GetStoredNow(this TimeProvider clock)
    {
        var now = clock.GetUtcNow();
        return now.AddTicks(-(now.UtcTicks % TimeSpan.TicksPerMicrosecond));
    }
}
