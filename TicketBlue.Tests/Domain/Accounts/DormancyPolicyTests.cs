using Shouldly;
using TicketBlue.Domain.Accounts;
using TicketBlue.Domain.Common;

namespace TicketBlue.Tests.Domain.Accounts;

[Trait("Category", "Unit")]
public sealed class DormancyPolicyTests
{
    private static readonly DateTimeOffset Now = DomainTestClock.Now;
    private static readonly DormancyPolicy Policy = DormancyPolicy.Default;

    [Fact]
    public void ShouldCountActivityFromTheLastSignIn_OrFromCreationGivenNoSignIn()
    {
        DormancyPolicy.LastActivity(Now.AddDays(-900), Now.AddDays(-10)).ShouldBe(Now.AddDays(-10));
        DormancyPolicy.LastActivity(Now.AddDays(-900), null).ShouldBe(Now.AddDays(-900));
    }

    [Fact]
    public void ShouldMakeDormant_GivenAYearInactiveAndANoticeForThisPeriodThirtyDaysOld()
    {
        var activity = Now.AddDays(-365);

        Policy.IsDormancyDue(activity, Now.AddDays(-30), Now).ShouldBeTrue();
        Policy.IsDormancyDue(activity.AddTicks(1), Now.AddDays(-30), Now).ShouldBeFalse("a day short of the year");
        Policy.IsDormancyDue(activity, Now.AddDays(-30).AddTicks(1), Now).ShouldBeFalse("told less than 30 days ago");
    }

    [Fact]
    public void ShouldNotMakeDormant_GivenNoNoticeOrOnlyANoticeFromBeforeTheLastSignIn()
    {
        var activity = Now.AddDays(-800);

        Policy.IsDormancyDue(activity, null, Now).ShouldBeFalse();
        Policy.IsDormancyDue(activity, activity.AddTicks(-1), Now).ShouldBeFalse();
        Policy.IsNoticeDue(activity, activity.AddTicks(-1), Now).ShouldBeTrue("an old period's notice does not count");
    }

    [Fact]
    public void ShouldTellThirtyDaysBefore_OnceForThePeriod()
    {
        var activity = Now.AddDays(-335);

        Policy.IsNoticeDue(activity, null, Now).ShouldBeTrue();
        Policy.IsNoticeDue(activity.AddTicks(1), null, Now).ShouldBeFalse();
        Policy.IsNoticeDue(activity, Now.AddDays(-1), Now).ShouldBeFalse("told already for this period");
    }

    [Fact]
    public void ShouldAnnounceTheEndOfThePeriod_OrThirtyDaysAfterALateNotice()
    {
        Policy.DormantOn(Now.AddDays(-335), Now).ShouldBe(Now.AddDays(30));
        Policy.DormantOn(Now.AddDays(-340), Now).ShouldBe(Now.AddDays(30), "the notice gives the full 30 days even when it comes late");
        Policy.DormantOn(Now.AddDays(-300), Now).ShouldBe(Now.AddDays(65));
    }

    [Fact]
    public void ShouldGiveTheSelectionBoundsOfTheRules()
    {
        Policy.DormancyCutoff(Now).ShouldBe(Now.AddDays(-365));
        Policy.NoticeCutoff(Now).ShouldBe(Now.AddDays(-335));
        Policy.NoticedBy(Now).ShouldBe(Now.AddDays(-30));
    }

    [Theory]
    [InlineData(29, 10)]
    [InlineData(365, 0)]
    [InlineData(365, 365)]
    [InlineData(1200, 30)]
    public void ShouldRefuseAPeriodOutsideThePolicy(int dormantAfterDays, int noticeDays) =>
        Should.Throw<DomainException>(() => new DormancyPolicy(TimeSpan.FromDays(dormantAfterDays), TimeSpan.FromDays(noticeDays)));
}
