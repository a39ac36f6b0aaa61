using Shouldly;
using TicketBlue.Domain.Common;
using TicketBlue.Domain.Notifications;

namespace TicketBlue.Tests.Domain.Notifications;

[Trait("Category", "Unit")]
public sealed class ReminderWindowsTests
{
    private static readonly DateOnly Today = new(2026, 12, 7);

    /// <summary>10:00 in Seoul, 01:00 UTC: the reminder's schedule.</summary>
    private static readonly DateTimeOffset TenAm = SeoulTime.At(Today, new TimeOnly(10, 0));

    [Fact]
    public void ShouldCoverTomorrowMidnightToMidnightInSeoul_GivenARunAtTenInTheMorning()
    {
        var window = ReminderWindows.ShowDayReminder(TenAm);

        window.Start.ShouldBe(new DateTimeOffset(2026, 12, 7, 15, 0, 0, TimeSpan.Zero));
        window.End.ShouldBe(new DateTimeOffset(2026, 12, 8, 15, 0, 0, TimeSpan.Zero));
    }

    [Fact]
    public void ShouldTakeHalfPastMidnightTomorrowAndNotHalfPastElevenToday_GivenTheDaysBoundariesInSeoul()
    {
        var window = ReminderWindows.ShowDayReminder(TenAm);

        window.Contains(SeoulTime.At(Today.AddDays(1), new TimeOnly(0, 30))).ShouldBeTrue();
        window.Contains(SeoulTime.At(Today, new TimeOnly(23, 30))).ShouldBeFalse();
        window.Contains(SeoulTime.At(Today.AddDays(1), new TimeOnly(23, 59))).ShouldBeTrue();
        window.Contains(SeoulTime.At(Today.AddDays(2), new TimeOnly(0, 0))).ShouldBeFalse();
    }

    [Fact]
    public void ShouldMeanTheSeoulDay_GivenARunStartedAtAnUtcInstantOnTheDayBefore()
    {
        // 2026-12-06 16:00 UTC is already 2026-12-07 01:00 in Seoul: "tomorrow" is the 8th.
        var window = ReminderWindows.ShowDayReminder(new DateTimeOffset(2026, 12, 6, 16, 0, 0, TimeSpan.Zero));

        window.ShouldBe(ReminderWindows.ShowDayReminder(TenAm));
    }

    [Fact]
    public void ShouldCoverTheDayBeforeTheRun_GivenAReviewRunAtNineInTheEvening()
    {
        var nine = SeoulTime.At(Today, new TimeOnly(21, 0));

        var window = ReminderWindows.ReviewInvitation(nine);

        window.Contains(SeoulTime.At(Today, new TimeOnly(17, 0))).ShouldBeTrue();
        window.Contains(SeoulTime.At(Today.AddDays(-1), new TimeOnly(21, 30))).ShouldBeTrue();
        window.Contains(nine).ShouldBeFalse();
        window.Contains(SeoulTime.At(Today, new TimeOnly(22, 0))).ShouldBeFalse();
        ReminderWindows.ReviewInvitation(nine.AddDays(1)).Contains(nine).ShouldBeTrue();
    }
}
