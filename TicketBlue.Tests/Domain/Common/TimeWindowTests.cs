using Shouldly;
using TicketBlue.Domain.Common;

namespace TicketBlue.Tests.Domain.Common;

[Trait("Category", "Unit")]
public sealed class TimeWindowTests
{
    private static readonly DateTimeOffset Start = DomainTestClock.Now;
    private static readonly DateTimeOffset End = DomainTestClock.Now.AddHours(2);

    [Fact]
    public void ShouldRefuse_GivenAnEndEqualToTheStart()
    {
        Should.Throw<DomainException>(() => new TimeWindow(Start, Start)).Code.ShouldBe("window.invalid");
    }

    [Fact]
    public void ShouldRefuse_GivenAnEndBeforeTheStart()
    {
        Should.Throw<DomainException>(() => new TimeWindow(End, Start)).Code.ShouldBe("window.invalid");
    }

    [Fact]
    public void ShouldStoreUtc_GivenSeoulOffsets()
    {
        var seoulStart = new DateTimeOffset(2026, 11, 25, 10, 0, 0, TimeSpan.FromHours(9));

        var window = new TimeWindow(seoulStart, seoulStart.AddHours(1));

        window.Start.Offset.ShouldBe(TimeSpan.Zero);
        window.Start.ShouldBe(new DateTimeOffset(2026, 11, 25, 1, 0, 0, TimeSpan.Zero));
        window.End.Offset.ShouldBe(TimeSpan.Zero);
    }

    [Fact]
    public void ShouldContainTheStartButNotTheEnd()
    {
        var window = new TimeWindow(Start, End);

        window.Contains(Start).ShouldBeTrue();
        window.Contains(Start.AddHours(1)).ShouldBeTrue();
        window.Contains(End.AddTicks(-1)).ShouldBeTrue();
        window.Contains(End).ShouldBeFalse();
        window.Contains(Start.AddTicks(-1)).ShouldBeFalse();
    }

    [Fact]
    public void ShouldOverlap_GivenWindowsThatShareTime()
    {
        var window = new TimeWindow(Start, End);

        window.Overlaps(new TimeWindow(Start.AddHours(1), End.AddHours(1))).ShouldBeTrue();
        window.Overlaps(new TimeWindow(Start.AddHours(-1), Start.AddMinutes(1))).ShouldBeTrue();
        window.Overlaps(new TimeWindow(Start.AddMinutes(10), Start.AddMinutes(20))).ShouldBeTrue();
        window.Overlaps(new TimeWindow(Start.AddHours(-1), End.AddHours(1))).ShouldBeTrue();
    }

    [Fact]
    public void ShouldNotOverlap_GivenWindowsThatOnlyTouch()
    {
        var window = new TimeWindow(Start, End);

        window.Overlaps(new TimeWindow(End, End.AddHours(1))).ShouldBeFalse();
        window.Overlaps(new TimeWindow(Start.AddHours(-1), Start)).ShouldBeFalse();
    }

    [Fact]
    public void ShouldBeEqual_GivenTheSameInstantsInDifferentOffsets()
    {
        var utc = new TimeWindow(Start, End);
        var seoul = new TimeWindow(Start.ToOffset(TimeSpan.FromHours(9)), End.ToOffset(TimeSpan.FromHours(9)));

        seoul.ShouldBe(utc);
    }
}
