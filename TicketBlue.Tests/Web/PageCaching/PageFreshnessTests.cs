using Shouldly;
using TicketBlue.Web.PageCaching;

namespace TicketBlue.Tests.Web.PageCaching;

public sealed class PageFreshnessTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 1, 10, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan Ceiling = TimeSpan.FromMinutes(1);

    [Fact]
    public void ShouldNotKeepThePage_GivenThePageSaidNothing() =>
        new PageFreshness().KeepFor(Now, Ceiling).ShouldBeNull();

    [Fact]
    public void ShouldNotKeepThePage_GivenThePageDidNotKnow()
    {
        var freshness = new PageFreshness();
        freshness.ExactUntil(null);

        freshness.KeepFor(Now, Ceiling).ShouldBeNull();
    }

    [Fact]
    public void ShouldKeepItUntilTheNextChange_GivenAChangeBeforeTheCeiling()
    {
        var freshness = new PageFreshness();
        freshness.ExactUntil(Now.AddSeconds(20));

        freshness.KeepFor(Now, Ceiling).ShouldBe(TimeSpan.FromSeconds(20));
    }

    [Fact]
    public void ShouldKeepItNoLongerThanTheCeiling_GivenNoChangeForHours()
    {
        var freshness = new PageFreshness();
        freshness.ExactUntil(DateTimeOffset.MaxValue);

        freshness.KeepFor(Now, Ceiling).ShouldBe(Ceiling);
    }

    [Fact]
    public void ShouldNotKeepThePage_GivenItsNextChangeHasPassedAlready()
    {
        var freshness = new PageFreshness();
        freshness.ExactUntil(Now);

        freshness.KeepFor(Now, Ceiling).ShouldBeNull();
    }

    [Fact]
    public void ShouldKeepTheEarliest_GivenTwoPartsOfThePageReported()
    {
        var freshness = new PageFreshness();
        freshness.ExactUntil(Now.AddSeconds(40));
        freshness.ExactUntil(Now.AddSeconds(10));
        freshness.ExactUntil(Now.AddSeconds(30));

        freshness.KeepFor(Now, Ceiling).ShouldBe(TimeSpan.FromSeconds(10));
    }

    [Fact]
    public void ShouldNotKeepThePage_GivenOnePartOfThePageDidNotKnow()
    {
        var freshness = new PageFreshness();
        freshness.ExactUntil(Now.AddSeconds(40));
        freshness.ExactUntil(null);

        freshness.KeepFor(Now, Ceiling).ShouldBeNull();
    }

    [Fact]
    public void ShouldStayUnknown_GivenAPartReportedAfterOneThatDidNotKnow()
    {
        var freshness = new PageFreshness();
        freshness.ExactUntil(null);
        freshness.ExactUntil(Now.AddSeconds(30));

        freshness.KeepFor(Now, Ceiling).ShouldBeNull();
    }
}
