using Shouldly;
using TicketBlue.Domain.Common;
using TicketBlue.Domain.Performances;
using TicketBlue.Domain.Rounds;
using static TicketBlue.Tests.Domain.Builders;

namespace TicketBlue.Tests.Domain.Rounds;

[Trait("Category", "Unit")]
public sealed class RoundTests
{
    private static readonly DateTimeOffset Now = DomainTestClock.Now;

    private static Round Schedule(DateTimeOffset startsAt, TimeWindow? salesWindow = null, int limit = 4, DateTimeOffset? now = null) =>
        Round.Schedule(PublishedPerformance(), startsAt, salesWindow ?? new TimeWindow(Now, startsAt), limit, HoldPolicy.Default, now ?? Now);

    [Fact]
    public void ShouldBeScheduledForThePerformance_WhenScheduled()
    {
        var policy = new HoldPolicy(TimeSpan.FromMinutes(7), 0, TimeSpan.FromMinutes(7));

        var round = Round.Schedule(PublishedPerformance(), RoundStart, SalesWindow, 2, policy, Now);

        round.Status.ShouldBe(RoundStatus.Scheduled);
        round.PerformanceId.ShouldBe(PerformanceId);
        round.VenueId.ShouldBe(VenueId);
        round.StartsAt.ShouldBe(RoundStart);
        round.SalesWindow.ShouldBe(SalesWindow);
        round.TicketLimitPerCustomer.ShouldBe(2);
        round.HoldPolicy.ShouldBe(policy);
        round.CancellationReason.ShouldBeNull();
    }

    [Fact]
    public void ShouldEndAfterRunningTimeAndIntermission_WhenScheduled()
    {
        var round = RoundOnSale();

        round.EndsAt.ShouldBe(RoundStart.AddMinutes(170));
    }

    [Fact]
    public void ShouldStoreUtc_GivenAStartWithTheSeoulOffset()
    {
        var seoulStart = new DateTimeOffset(2026, 12, 10, 19, 30, 0, TimeSpan.FromHours(9));

        var round = Schedule(seoulStart);

        round.StartsAt.Offset.ShouldBe(TimeSpan.Zero);
        round.StartsAt.ShouldBe(RoundStart);
    }

    [Fact]
    public void ShouldRefuse_GivenAStartInThePast()
    {
        Should.Throw<DomainException>(() => Schedule(Now.AddMinutes(-1), new TimeWindow(Now.AddDays(-2), Now.AddDays(-1))))
            .Code.ShouldBe("round.past");
    }

    [Fact]
    public void ShouldRefuse_GivenAStartOfRightNow()
    {
        var start = SeoulTime.At(new DateOnly(2026, 12, 1), new TimeOnly(19, 0));

        Should.Throw<DomainException>(() => Schedule(start, new TimeWindow(start.AddDays(-10), start), now: start))
            .Code.ShouldBe("round.past");
    }

    [Fact]
    public void ShouldRefuse_GivenADateBeforeTheRun()
    {
        var start = SeoulTime.At(new DateOnly(2026, 11, 30), new TimeOnly(19, 30));

        Should.Throw<DomainException>(() => Schedule(start)).Code.ShouldBe("round.outside_run");
    }

    [Fact]
    public void ShouldRefuse_GivenADateAfterTheRun()
    {
        var start = SeoulTime.At(new DateOnly(2027, 1, 1), new TimeOnly(14, 0));

        Should.Throw<DomainException>(() => Schedule(start)).Code.ShouldBe("round.outside_run");
    }

    [Fact]
    public void ShouldUseTheSeoulDate_GivenAMidnightShowOnTheFirstDay()
    {
        // 00:30 on 1 December in Seoul is still 30 November in UTC.
        var start = SeoulTime.At(new DateOnly(2026, 12, 1), new TimeOnly(0, 30));

        Schedule(start).StartsAt.ShouldBe(new DateTimeOffset(2026, 11, 30, 15, 30, 0, TimeSpan.Zero));
    }

    [Fact]
    public void ShouldUseTheSeoulDate_GivenAMidnightShowAfterTheLastDay()
    {
        // 00:30 on 1 January in Seoul is still 31 December (the last day of the run) in UTC.
        var start = SeoulTime.At(new DateOnly(2027, 1, 1), new TimeOnly(0, 30));

        Should.Throw<DomainException>(() => Schedule(start)).Code.ShouldBe("round.outside_run");
    }

    [Fact]
    public void ShouldRefuse_GivenSalesClosingAfterTheStart()
    {
        Should.Throw<DomainException>(() => Schedule(RoundStart, new TimeWindow(Now, RoundStart.AddMinutes(1))))
            .Code.ShouldBe("round.sales_window");
    }

    [Fact]
    public void ShouldAllow_GivenSalesClosingExactlyAtTheStart()
    {
        Schedule(RoundStart, new TimeWindow(Now, RoundStart)).SalesWindow.End.ShouldBe(RoundStart);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(11)]
    public void ShouldRefuse_GivenATicketLimitOutsideOneToTen(int limit)
    {
        Should.Throw<DomainException>(() => Schedule(RoundStart, limit: limit)).Code.ShouldBe("round.limit");
    }

    [Theory]
    [InlineData(1)]
    [InlineData(Round.MaxTicketLimit)]
    public void ShouldAccept_GivenATicketLimitAtTheBounds(int limit)
    {
        Schedule(RoundStart, limit: limit).TicketLimitPerCustomer.ShouldBe(limit);
    }

    [Fact]
    public void ShouldChangeTheTicketLimit_GivenAValidLimit()
    {
        var round = RoundOnSale();

        round.ChangeTicketLimit(8);
        round.TicketLimitPerCustomer.ShouldBe(8);

        Should.Throw<DomainException>(() => round.ChangeTicketLimit(11)).Code.ShouldBe("round.limit");
        round.TicketLimitPerCustomer.ShouldBe(8);
    }

    [Fact]
    public void ShouldMoveStartAndEnd_WhenRescheduled()
    {
        var round = RoundOnSale();
        var later = RoundStart.AddDays(1);

        round.Reschedule(PublishedPerformance(), later, new TimeWindow(Now, later.AddHours(-1)), Now, RoundSales.None);

        round.StartsAt.ShouldBe(later);
        round.EndsAt.ShouldBe(later.AddMinutes(170));
        round.SalesWindow.End.ShouldBe(later.AddHours(-1));
    }

    [Fact]
    public void ShouldOverlap_GivenASlotThatSharesTime()
    {
        var round = RoundOnSale();

        round.Overlaps(RoundStart.AddHours(2), RoundStart.AddHours(5)).ShouldBeTrue();
        round.Overlaps(RoundStart.AddHours(-1), RoundStart.AddMinutes(1)).ShouldBeTrue();
        round.Overlaps(RoundStart.AddMinutes(10), RoundStart.AddMinutes(20)).ShouldBeTrue();
    }

    [Fact]
    public void ShouldNotOverlap_GivenASlotThatOnlyTouches()
    {
        var round = RoundOnSale();

        round.Overlaps(round.EndsAt, round.EndsAt.AddHours(3)).ShouldBeFalse();
        round.Overlaps(RoundStart.AddHours(-3), RoundStart).ShouldBeFalse();
    }

    [Fact]
    public void ShouldNeverOverlap_GivenACancelledRound()
    {
        var round = RoundOnSale();
        round.Cancel("배우 부상", RoundSales.None);

        round.Overlaps(RoundStart, round.EndsAt).ShouldBeFalse();
    }

    [Fact]
    public void ShouldBeOnSale_GivenAnInstantInsideTheSalesWindow()
    {
        var round = RoundOnSale();

        round.IsOnSale(PerformanceStatus.Published, Now).ShouldBeTrue();
        round.IsOnSale(PerformanceStatus.Published, SalesWindow.Start).ShouldBeTrue();
        Should.NotThrow(() => round.EnsureOnSale(PerformanceStatus.Published, Now));
    }

    [Fact]
    public void ShouldNotBeOnSale_GivenAnInstantBeforeSalesOpen()
    {
        var round = RoundOnSale();
        var before = SalesWindow.Start.AddTicks(-1);

        round.IsOnSale(PerformanceStatus.Published, before).ShouldBeFalse();
        Should.Throw<DomainException>(() => round.EnsureOnSale(PerformanceStatus.Published, before)).Code.ShouldBe("round.sales_not_open");
    }

    [Fact]
    public void ShouldNotBeOnSale_GivenSalesHaveClosed()
    {
        var round = RoundOnSale();

        round.IsOnSale(PerformanceStatus.Published, SalesWindow.End).ShouldBeFalse();
        Should.Throw<DomainException>(() => round.EnsureOnSale(PerformanceStatus.Published, SalesWindow.End)).Code.ShouldBe("round.sales_closed");
        Should.Throw<DomainException>(() => round.EnsureOnSale(PerformanceStatus.Published, RoundStart.AddHours(1))).Code.ShouldBe("round.sales_closed");
    }

    [Fact]
    public void ShouldCloseSalesAtTheStart_GivenAWindowEndingAtTheStart()
    {
        var round = Schedule(RoundStart, new TimeWindow(Now, RoundStart));

        round.IsOnSale(PerformanceStatus.Published, RoundStart.AddTicks(-1)).ShouldBeTrue();
        round.IsOnSale(PerformanceStatus.Published, RoundStart).ShouldBeFalse();
        Should.Throw<DomainException>(() => round.EnsureOnSale(PerformanceStatus.Published, RoundStart)).Code.ShouldBe("round.sales_closed");
    }

    [Theory]
    [InlineData(PerformanceStatus.Draft)]
    [InlineData(PerformanceStatus.Suspended)]
    [InlineData(PerformanceStatus.Archived)]
    public void ShouldBeNotFound_GivenTheShowIsNotPublished(PerformanceStatus status)
    {
        var round = RoundOnSale();

        round.IsOnSale(status, Now).ShouldBeFalse();
        Should.Throw<DomainException>(() => round.EnsureOnSale(status, Now)).Code.ShouldBe("round.not_found");
        Should.Throw<DomainException>(() => Round.EnsureShown(status)).Message.ShouldBe(Round.NotFound().Message);
    }

    [Fact]
    public void ShouldBeNotFoundBeforeAnyOtherReason_GivenAnUnpublishedShowsRoundBeforeItsSales()
    {
        // Nothing about an unpublished show's round (when its sales open) is told to a customer.
        var round = RoundOnSale();

        Should.Throw<DomainException>(() => round.EnsureOnSale(PerformanceStatus.Draft, SalesWindow.Start.AddTicks(-1))).Code.ShouldBe("round.not_found");
    }

    [Fact]
    public void ShouldNotBeOnSale_GivenACancelledRound()
    {
        var round = RoundOnSale();
        round.Cancel("공연장 사정", RoundSales.None);

        round.IsOnSale(PerformanceStatus.Published, Now).ShouldBeFalse();
        Should.Throw<DomainException>(() => round.EnsureOnSale(PerformanceStatus.Published, Now)).Code.ShouldBe("round.cancelled");
    }

    [Fact]
    public void ShouldKeepTheTrimmedReason_WhenCancelled()
    {
        var round = RoundOnSale();

        round.Cancel("  배우 부상  ", RoundSales.None);

        round.Status.ShouldBe(RoundStatus.Cancelled);
        round.CancellationReason.ShouldBe("배우 부상");
    }

    [Fact]
    public void ShouldRefuseToCancel_GivenNoReason()
    {
        var round = RoundOnSale();

        Should.Throw<DomainException>(() => round.Cancel(" ", RoundSales.None)).Code.ShouldBe("round.cancel_reason");
        round.Status.ShouldBe(RoundStatus.Scheduled);
    }

    [Fact]
    public void ShouldRefuseChanges_GivenACancelledRound()
    {
        var round = RoundOnSale();
        round.Cancel("배우 부상", RoundSales.None);

        Should.Throw<DomainException>(() => round.Cancel("다시", RoundSales.None)).Code.ShouldBe("round.cancelled");
        Should.Throw<DomainException>(() => round.Reschedule(PublishedPerformance(), RoundStart.AddDays(1), SalesWindow, Now, RoundSales.None))
            .Code.ShouldBe("round.cancelled");
        Should.Throw<DomainException>(() => round.ChangeHoldPolicy(HoldPolicy.Default)).Code.ShouldBe("round.cancelled");
        round.CancellationReason.ShouldBe("배우 부상");
        round.StartsAt.ShouldBe(RoundStart);
    }

    [Fact]
    public void ShouldChangeTheHoldPolicy_GivenAScheduledRound()
    {
        var round = RoundOnSale();
        var policy = new HoldPolicy(TimeSpan.FromMinutes(5), 2, TimeSpan.FromMinutes(15));

        round.ChangeHoldPolicy(policy);

        round.HoldPolicy.ShouldBe(policy);
    }
}
