namespace TicketBlue.Tests.Domain;

/// <summary>A fixed "now" for domain tests: 2026-11-25 10:00 in Seoul.</summary>
internal static class DomainTestClock
{
    public static readonly DateTimeOffset Now = new(2026, 11, 25, 1, 0, 0, TimeSpan.Zero);
}
