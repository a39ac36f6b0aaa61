using Shouldly;
using TicketBlue.Domain.Common;
using TicketBlue.Domain.Performances;
using static TicketBlue.Tests.Domain.Builders;

namespace TicketBlue.Tests.Domain.Performances;

[Trait("Category", "Unit")]
public sealed class PerformanceRetirementTests
{
    private static readonly TimeSpan TenYears = TimeSpan.FromDays(3653);

    /// <summary>Ten years and a day after the December 2026 run of <see cref="PublishedPerformance"/>.</summary>
    private static readonly DateTimeOffset Later = CatalogRetention.EndOf(December) + TenYears + TimeSpan.FromDays(1);

    [Fact]
    public void ShouldArchiveDropThePosterAndRecordWhen_GivenAShowPastItsRetention()
    {
        var performance = PublishedPerformance();

        performance.Retire(Later, TenYears);

        performance.IsRetired.ShouldBeTrue();
        performance.RetiredAt.ShouldBe(Later);
        performance.Status.ShouldBe(PerformanceStatus.Archived);
        performance.IsVisibleToCustomers.ShouldBeFalse();
        performance.Poster.ShouldBeNull();
        performance.UpdatedAt.ShouldBe(Later);
    }

    [Fact]
    public void ShouldRefuse_GivenAShowThatEndedLessThanTheRetentionAgo()
    {
        var performance = PublishedPerformance();

        Should.Throw<DomainException>(() => performance.Retire(Later.AddDays(-2), TenYears)).Code.ShouldBe("performance.not_ended");

        performance.IsRetired.ShouldBeFalse();
        performance.Status.ShouldBe(PerformanceStatus.Published);
        performance.Poster.ShouldNotBeNull();
    }

    [Fact]
    public void ShouldChangeNothing_GivenAShowRetiredBefore()
    {
        var performance = PublishedPerformance();
        performance.Retire(Later, TenYears);

        performance.Retire(Later.AddDays(30), TenYears);

        performance.RetiredAt.ShouldBe(Later);
        performance.UpdatedAt.ShouldBe(Later);
    }

    [Fact]
    public void ShouldRetireADraftOrArchivedShowToo_GivenItsRunEndedLongAgo()
    {
        var draft = DraftPerformance();
        var archived = PublishedPerformance();
        archived.Archive(DomainTestClock.Now);

        draft.Retire(Later, TenYears);
        archived.Retire(Later, TenYears);

        draft.IsRetired.ShouldBeTrue();
        archived.Poster.ShouldBeNull();
    }

    [Fact]
    public void ShouldBeReadOnly_GivenARetiredShow()
    {
        var performance = PublishedPerformance();
        performance.Retire(Later, TenYears);

        var edits = new Action[]
        {
            () => performance.UpdateDetails("새 제목", null, Category.Musical, "소개", null, 100, 0, AgeRating.All, Later),
            () => performance.Reschedule(December, [], Later),
            () => performance.SetPoster(Poster(), Later),
            () => performance.SetPrices(StandardPrices(), LayoutGrades(), Later),
            () => performance.SetCast([(1, "주인공")], Later),
            () => performance.Publish(Later),
            () => performance.Suspend(Later),
            () => performance.Archive(Later),
        };

        foreach (var edit in edits)
        {
            Should.Throw<DomainException>(edit).Code.ShouldBe("performance.retired");
        }

        performance.Status.ShouldBe(PerformanceStatus.Archived);
        performance.Poster.ShouldBeNull();
    }
}
