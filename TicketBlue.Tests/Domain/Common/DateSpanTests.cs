using Shouldly;
using TicketBlue.Domain.Common;

namespace TicketBlue.Tests.Domain.Common;

[Trait("Category", "Unit")]
public sealed class DateSpanTests
{
    private static readonly DateOnly First = new(2026, 12, 1);
    private static readonly DateOnly Last = new(2026, 12, 31);

    [Fact]
    public void ShouldRefuse_GivenALastDayBeforeTheFirst()
    {
        Should.Throw<DomainException>(() => new DateSpan(Last, First)).Code.ShouldBe("dates.invalid");
    }

    [Fact]
    public void ShouldAllowASingleDay()
    {
        var span = new DateSpan(First, First);

        span.Contains(First).ShouldBeTrue();
        span.Contains(First.AddDays(1)).ShouldBeFalse();
    }

    [Fact]
    public void ShouldIncludeBothEnds()
    {
        var span = new DateSpan(First, Last);

        span.First.ShouldBe(First);
        span.Last.ShouldBe(Last);
        span.Contains(First).ShouldBeTrue();
        span.Contains(new DateOnly(2026, 12, 15)).ShouldBeTrue();
        span.Contains(Last).ShouldBeTrue();
    }

    [Fact]
    public void ShouldNotContain_GivenDaysOutsideTheSpan()
    {
        var span = new DateSpan(First, Last);

        span.Contains(First.AddDays(-1)).ShouldBeFalse();
        span.Contains(Last.AddDays(1)).ShouldBeFalse();
    }
}
