using Shouldly;
using TicketBlue.Domain.Performances;
using TicketBlue.Web.Features.Catalog.Performances;

namespace TicketBlue.Tests.Web.Features.Catalog;

/// <summary>How long a performance page reads the same without any write: until its next sales opening or closing, round start or hold running out.</summary>
public sealed class PerformancePageFreshnessTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 1, 1, 0, 0, TimeSpan.Zero);

    // Round 1: on sale now, closes in 2 days, starts in 3. Round 2: opens in 6 hours. Round 3: started an hour ago.
    private static readonly ScheduledRound OnSale = new(1, Now.AddDays(3), Now.AddDays(-1), Now.AddDays(2));
    private static readonly ScheduledRound OpensLater = new(2, Now.AddDays(10), Now.AddHours(6), Now.AddDays(9));
    private static readonly ScheduledRound Started = new(3, Now.AddHours(-1), Now.AddDays(-20), Now.AddHours(-2));

    [Fact]
    public void ShouldEndAtTheNextSalesOpening_GivenNoHolds()
    {
        var detail = Show(OnSale, OpensLater, Started).ToDetail([], Now, new Dictionary<long, DateTimeOffset>());

        detail.FreshUntil.ShouldBe(Now.AddHours(6));
    }

    [Fact]
    public void ShouldEndWhenTheFirstHoldRunsOut_GivenAHoldEndingBeforeAnyScheduledChange()
    {
        var holds = new Dictionary<long, DateTimeOffset> { [OnSale.Id] = Now.AddMinutes(7) };

        var detail = Show(OnSale, OpensLater).ToDetail([new RemainingCount(OnSale.Id, "R", 3)], Now, holds);

        detail.FreshUntil.ShouldBe(Now.AddMinutes(7));
    }

    [Fact]
    public void ShouldIgnoreRoundsThatHaveStarted_GivenAHoldOnAStartedRound()
    {
        var holds = new Dictionary<long, DateTimeOffset> { [Started.Id] = Now.AddMinutes(1) };

        var detail = Show(OnSale, Started).ToDetail([], Now, holds);

        detail.FreshUntil.ShouldBe(Now.AddDays(2));
    }

    [Fact]
    public void ShouldNeverChangeByTime_GivenNoRoundToCome()
    {
        var detail = Show(Started).ToDetail([], Now, new Dictionary<long, DateTimeOffset>());

        detail.FreshUntil.ShouldBe(DateTimeOffset.MaxValue);
    }

    [Fact]
    public void ShouldBeUnknown_GivenTheHoldsWereNotRead()
    {
        var detail = Show(OnSale).ToDetail([], Now);

        detail.FreshUntil.ShouldBeNull();
    }

    private static PerformanceShow Show(params ScheduledRound[] rounds) =>
        new(
            7, "레미제라블", "Les Misérables", Category.Musical, AgeRating.Age7, 170, 20,
            new DateOnly(2026, 11, 1), new DateOnly(2027, 2, 28), "한 줄 소개", "소개",
            null, new PerformanceVenue(1, "블루스퀘어", "서울", "서울", true),
            [new GradePriceRow("R", 150_000)], [], rounds, ReviewSummary.None);
}
