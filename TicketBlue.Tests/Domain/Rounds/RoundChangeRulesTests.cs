using Shouldly;
using TicketBlue.Domain.Common;
using TicketBlue.Domain.Performances;
using TicketBlue.Domain.Rounds;
using static TicketBlue.Tests.Domain.Builders;

namespace TicketBlue.Tests.Domain.Rounds;

/// <summary>
/// The round rules an admin meets, in their one home on <see cref="Round"/>: no moving a round whose
/// seats are taken, no cancelling a round with sales, one hold-policy formula, and one sales state that
/// the seat page, the performance page and <see cref="Round.EnsureOnSale"/> all derive the same way.
/// </summary>
[Trait("Category", "Unit")]
public sealed class RoundChangeRulesTests
{
    private static readonly DateTimeOffset Now = DomainTestClock.Now;

    [Theory]
    [InlineData(1, 0)]
    [InlineData(0, 1)]
    public void ShouldRefuseToMoveTheStart_GivenSeatsHeldOrSold(int sold, int held)
    {
        var round = RoundOnSale();
        var later = RoundStart.AddDays(1);

        Should.Throw<DomainException>(() => round.Reschedule(PublishedPerformance(), later, SalesWindow, Now, new RoundSales(sold, held, 0)))
            .Code.ShouldBe("round.has_sales");
        round.StartsAt.ShouldBe(RoundStart);
    }

    [Fact]
    public void ShouldChangeTheSalesWindow_GivenSalesWhenTheStartStays()
    {
        var round = RoundOnSale();
        var window = new TimeWindow(Now.AddHours(-2), RoundStart.AddHours(-3));

        round.Reschedule(PublishedPerformance(), RoundStart, window, Now, new RoundSales(3, 2, 1));
        round.Reschedule(PublishedPerformance(), RoundStart, SalesWindow, Now);

        round.SalesWindow.ShouldBe(SalesWindow);
    }

    [Fact]
    public void ShouldAskForTheSales_WhenTheStartMoves()
    {
        Should.Throw<ArgumentNullException>(() => RoundOnSale().Reschedule(PublishedPerformance(), RoundStart.AddDays(1), SalesWindow, Now));
    }

    [Theory]
    [InlineData(1, 0)]
    [InlineData(0, 1)]
    public void ShouldRefuseToCancel_GivenSoldSeatsOrOpenReservations(int sold, int reservations)
    {
        var round = RoundOnSale();

        Should.Throw<DomainException>(() => round.Cancel("배우 부상", new RoundSales(sold, 0, reservations))).Code.ShouldBe("round.cancel_sold");
        round.Status.ShouldBe(RoundStatus.Scheduled);
        round.CancellationReason.ShouldBeNull();
    }

    [Fact]
    public void ShouldCancel_GivenOnlyLiveHolds()
    {
        var round = RoundOnSale();

        round.Cancel("배우 부상", new RoundSales(0, 2, 0));

        round.Status.ShouldBe(RoundStatus.Cancelled);
    }

    [Fact]
    public void ShouldOpenSalesNow_OnlyBeforeTheyOpen()
    {
        var opens = Now.AddDays(2);
        var round = Round.Schedule(PublishedPerformance(), RoundStart, new TimeWindow(opens, RoundStart.AddHours(-1)), 4, HoldPolicy.Default, Now);

        round.OpenSalesNow(PublishedPerformance(), Now);

        round.SalesWindow.ShouldBe(new TimeWindow(Now, RoundStart.AddHours(-1)));
        round.StartsAt.ShouldBe(RoundStart);
        Should.Throw<DomainException>(() => round.OpenSalesNow(PublishedPerformance(), Now.AddMinutes(1))).Code.ShouldBe("round.sales_open");
    }

    [Fact]
    public void ShouldKeepExtensionsAndDoubleTheMaximum_WhenTheHoldDurationChanges()
    {
        var round = RoundOnSale(holdPolicy: new HoldPolicy(TimeSpan.FromMinutes(10), 3, TimeSpan.FromMinutes(40)));

        round.ChangeHoldDuration(TimeSpan.FromMinutes(5));

        round.HoldPolicy.ShouldBe(new HoldPolicy(TimeSpan.FromMinutes(5), 3, TimeSpan.FromMinutes(10)));
        HoldPolicy.Default.WithDuration(TimeSpan.FromMinutes(10)).ShouldBe(HoldPolicy.Default);
        Should.Throw<DomainException>(() => round.ChangeHoldDuration(TimeSpan.FromMinutes(HoldPolicy.MaxMinutes + 1))).Code.ShouldBe("hold.duration");
    }

    [Fact]
    public void ShouldDeriveOneSalesState_ThatEnsureOnSaleAgreesWith()
    {
        var round = RoundOnSale();
        var cases = new (DateTimeOffset At, RoundSalesState State, string? Code)[]
        {
            (SalesWindow.Start.AddTicks(-1), RoundSalesState.NotOpenYet, "round.sales_not_open"),
            (SalesWindow.Start, RoundSalesState.OnSale, null),
            (SalesWindow.End.AddTicks(-1), RoundSalesState.OnSale, null),
            (SalesWindow.End, RoundSalesState.Closed, "round.sales_closed"),
        };

        foreach (var (at, state, code) in cases)
        {
            round.SalesStateAt(at).ShouldBe(state, $"at {at:O}");
            round.IsOnSale(PerformanceStatus.Published, at).ShouldBe(state == RoundSalesState.OnSale);
            var refusal = Record.Exception(() => round.EnsureOnSale(PerformanceStatus.Published, at));
            (refusal as DomainException)?.Code.ShouldBe(code);
            (refusal is null).ShouldBe(code is null);
        }

        round.Cancel("공연장 사정", RoundSales.None);
        round.SalesStateAt(Now).ShouldBe(RoundSalesState.Cancelled);
        Should.Throw<DomainException>(() => round.EnsureOnSale(PerformanceStatus.Published, Now)).Code.ShouldBe("round.cancelled");
    }

    [Fact]
    public void ShouldCloseAtTheStart_EvenWhenTheSalesWindowRunsLonger_AndSellOutOnlyWhileOpen()
    {
        var start = RoundStart;

        Round.SalesStateOf(RoundStatus.Scheduled, Now.AddDays(-1), start.AddHours(1), start, start).ShouldBe(RoundSalesState.Closed);
        Round.SalesStateOf(RoundStatus.Scheduled, Now.AddDays(-1), start, start, Now, seatsLeft: 0).ShouldBe(RoundSalesState.SoldOut);
        Round.SalesStateOf(RoundStatus.Scheduled, Now.AddDays(-1), start, start, Now, seatsLeft: 3).ShouldBe(RoundSalesState.OnSale);
        Round.SalesStateOf(RoundStatus.Scheduled, Now.AddDays(1), start, start, Now, seatsLeft: 0).ShouldBe(RoundSalesState.NotOpenYet);
    }
}
