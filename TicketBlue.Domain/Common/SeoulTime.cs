namespace TicketBlue.Domain.Common;

/// <summary>
/// The product's business time zone. Instants are stored in UTC; calendar rules
/// ("the day before the show", "a round's date") are decided in Korea Standard Time.
/// </summary>
public static class SeoulTime
{
    public static readonly TimeZoneInfo Zone = TimeZoneInfo.FindSystemTimeZoneById("Asia/Seoul");

    public static DateTimeOffset ToSeoul(DateTimeOffset instant) => TimeZoneInfo.ConvertTime(instant, Zone);

    public static DateOnly DateOf(DateTimeOffset instant) => DateOnly.FromDateTime(ToSeoul(instant).DateTime);

    /// <summary>The instant at which a local Seoul date and time happens.</summary>
    public static DateTimeOffset At(DateOnly date, TimeOnly time)
    {
        var local = date.ToDateTime(time, DateTimeKind.Unspecified);
        return new DateTimeOffset(local, Zone.GetUtcOffset(local)).ToUniversalTime();
    }
}
