using Shouldly;
using TicketBlue.Domain.Common;

namespace TicketBlue.Tests.Domain.Common;

[Trait("Category", "Unit")]
public sealed class SeoulTimeTests
{
    [Fact]
    public void ShouldBeTheSameDay_GivenTheLastSecondBeforeMidnightInSeoul()
    {
        var instant = new DateTimeOffset(2026, 11, 24, 14, 59, 59, TimeSpan.Zero);

        SeoulTime.DateOf(instant).ShouldBe(new DateOnly(2026, 11, 24));
    }

    [Fact]
    public void ShouldBeTheNextDay_GivenMidnightInSeoulWhileStillTheDayBeforeInUtc()
    {
        var instant = new DateTimeOffset(2026, 11, 24, 15, 0, 0, TimeSpan.Zero);

        SeoulTime.DateOf(instant).ShouldBe(new DateOnly(2026, 11, 25));
    }

    [Fact]
    public void ShouldUseTheInstantNotItsOffset_WhenDateOf()
    {
        // 2026-11-25 08:00 in New York is 2026-11-25 22:00 in Seoul; 2026-11-25 12:00 in New York is already the 26th in Seoul.
        var morning = new DateTimeOffset(2026, 11, 25, 8, 0, 0, TimeSpan.FromHours(-5));
        var noon = new DateTimeOffset(2026, 11, 25, 12, 0, 0, TimeSpan.FromHours(-5));

        SeoulTime.DateOf(morning).ShouldBe(new DateOnly(2026, 11, 25));
        SeoulTime.DateOf(noon).ShouldBe(new DateOnly(2026, 11, 26));
    }

    [Fact]
    public void ShouldBeThePreviousUtcDay_GivenMidnightInSeoul()
    {
        var instant = SeoulTime.At(new DateOnly(2026, 12, 1), TimeOnly.MinValue);

        instant.ShouldBe(new DateTimeOffset(2026, 11, 30, 15, 0, 0, TimeSpan.Zero));
        instant.Offset.ShouldBe(TimeSpan.Zero);
    }

    [Fact]
    public void ShouldBeNineHoursEarlierInUtc_GivenAnEveningInSeoul()
    {
        SeoulTime.At(new DateOnly(2026, 12, 10), new TimeOnly(19, 30))
            .ShouldBe(new DateTimeOffset(2026, 12, 10, 10, 30, 0, TimeSpan.Zero));
    }

    [Theory]
    [InlineData(0, 0)]
    [InlineData(0, 30)]
    [InlineData(8, 59)]
    [InlineData(9, 0)]
    [InlineData(23, 59)]
    public void ShouldRoundTripTheDate_WhenAtThenDateOf(int hour, int minute)
    {
        var day = new DateOnly(2026, 12, 1);

        SeoulTime.DateOf(SeoulTime.At(day, new TimeOnly(hour, minute))).ShouldBe(day);
    }

    [Fact]
    public void ShouldCarryTheKoreanOffset_WhenToSeoul()
    {
        var seoul = SeoulTime.ToSeoul(DomainTestClock.Now);

        seoul.Offset.ShouldBe(TimeSpan.FromHours(9));
        seoul.Hour.ShouldBe(10);
        seoul.ShouldBe(DomainTestClock.Now);
    }
}
