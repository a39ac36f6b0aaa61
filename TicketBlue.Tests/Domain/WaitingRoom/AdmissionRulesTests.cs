using Shouldly;
using TicketBlue.Domain.Common;
using TicketBlue.Domain.WaitingRoom;

namespace TicketBlue.Tests.Domain.WaitingRoom;

[Trait("Category", "Unit")]
public sealed class AdmissionRulesTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 24, 11, 0, 0, TimeSpan.Zero);
    private static readonly AdmissionTerms Terms = new(TimeSpan.FromMinutes(5), TimeSpan.FromMinutes(30));

    [Fact]
    public void ShouldAdmitTheRatePerMinute_SpreadOverTicks()
    {
        var carry = 0.0;
        var admitted = 0;
        for (var tick = 0; tick < 60; tick++)
        {
            (var admit, carry) = AdmissionBudget.Compute(90, TimeSpan.FromSeconds(1), carry, 0, 1_000, paused: false, freeSeats: 10_000);
            admitted += admit;
        }

        admitted.ShouldBe(90);
    }

    [Fact]
    public void ShouldAdmitNobody_WhenPausedOrFull()
    {
        AdmissionBudget.Compute(600, TimeSpan.FromSeconds(1), 0, 0, 100, paused: true, freeSeats: 10_000).Admit.ShouldBe(0);
        AdmissionBudget.Compute(600, TimeSpan.FromSeconds(1), 0, 100, 100, paused: false, freeSeats: 10_000).ShouldBe((0, 0.0));
        AdmissionBudget.Compute(600, TimeSpan.FromSeconds(1), 0, 97, 100, paused: false, freeSeats: 10_000).Admit.ShouldBe(3);
    }

    [Fact]
    public void ShouldAdmitNoMorePeopleThanSeatsAreFree_AndNobodyWhileNoneIs()
    {
        AdmissionBudget.Compute(600, TimeSpan.FromSeconds(1), 0, 0, 100, paused: false, freeSeats: 4).Admit.ShouldBe(4);
        AdmissionBudget.Compute(600, TimeSpan.FromSeconds(1), 0.5, 0, 100, paused: false, freeSeats: 0).ShouldBe((0, 0.5), "the line stands still and keeps what it had");
        AdmissionBudget.Compute(600, TimeSpan.FromSeconds(1), 0, 0, 100, paused: false, freeSeats: 10).Admit.ShouldBe(10);
    }

    [Fact]
    public void ShouldKeepTheFreeSeatsOfPeopleAlreadyInWhoHoldNothingYet()
    {
        AdmissionBudget.Compute(600, TimeSpan.FromSeconds(1), 0, 8, 100, paused: false, freeSeats: 10, admittedWithoutSeats: 8).Admit.ShouldBe(2);
        AdmissionBudget.Compute(600, TimeSpan.FromSeconds(1), 0.25, 8, 100, paused: false, freeSeats: 8, admittedWithoutSeats: 8).ShouldBe((0, 0.25));
        AdmissionBudget.Compute(600, TimeSpan.FromSeconds(1), 0, 8, 100, paused: false, freeSeats: 4, admittedWithoutSeats: -3).Admit.ShouldBe(4, "more holders than people let in (a queue turned on mid-sale) frees nothing");
    }

    [Fact]
    public void ShouldCountTheSeatsAPersonTakes_AsTheRoundsBuyersDidOnAverage()
    {
        AdmissionBudget.Compute(600, TimeSpan.FromSeconds(1), 0, 0, 100, paused: false, freeSeats: 10, seatsPerPerson: 2.5).Admit.ShouldBe(4);
        AdmissionBudget.Compute(600, TimeSpan.FromSeconds(1), 0, 2, 100, paused: false, freeSeats: 10, admittedWithoutSeats: 2, seatsPerPerson: 2.5).Admit.ShouldBe(2);
        AdmissionBudget.Compute(600, TimeSpan.FromSeconds(1), 0, 0, 100, paused: false, freeSeats: 2, seatsPerPerson: 2.5).Admit.ShouldBe(1, "the last seats still go to someone");
        AdmissionBudget.Compute(600, TimeSpan.FromSeconds(1), 0, 1, 100, paused: false, freeSeats: 2, admittedWithoutSeats: 1, seatsPerPerson: 2.5).Admit.ShouldBe(0, "someone let in is still choosing them");
        AdmissionBudget.Compute(600, TimeSpan.FromSeconds(1), 0, 0, 100, paused: false, freeSeats: 3, seatsPerPerson: 0.2).Admit.ShouldBe(3, "nobody takes less than one seat");
    }

    [Fact]
    public void ShouldNotReleaseAFlood_AfterALongGapOrAClockGoingBack()
    {
        AdmissionBudget.Compute(60, TimeSpan.FromHours(1), 0, 0, 1_000, paused: false, freeSeats: 10_000).Admit.ShouldBe(5);
        AdmissionBudget.Compute(60, TimeSpan.FromSeconds(-30), 0.5, 0, 1_000, paused: false, freeSeats: 10_000).ShouldBe((0, 0.5));
    }

    [Fact]
    public void ShouldBindAnAdmission_ToItsRoundAndCustomer_UntilItExpires()
    {
        var admission = Admission.Grant(7, "user-a", Now, Terms);

        admission.Admits(7, "user-a", Now.AddMinutes(29)).ShouldBeTrue();
        admission.Admits(7, "user-a", Now.AddMinutes(30)).ShouldBeFalse();
        admission.Admits(8, "user-a", Now).ShouldBeFalse();
        admission.Admits(7, "user-b", Now).ShouldBeFalse();
    }

    [Fact]
    public void ShouldKeepTheAdmission_OnlyWhileHoldingSeats()
    {
        var admission = Admission.Grant(7, "user-a", Now, Terms);

        Terms.NextCheck(Now).ShouldBe(Now.AddMinutes(5));
        AdmissionTerms.Keeps(admission, holdsOrOrders: false, Now.AddMinutes(5)).ShouldBeFalse();
        AdmissionTerms.Keeps(admission, holdsOrOrders: true, Now.AddMinutes(5)).ShouldBeTrue();
        AdmissionTerms.Keeps(admission, holdsOrOrders: true, Now.AddMinutes(30)).ShouldBeFalse();
    }

    [Fact]
    public void ShouldEstimateTheWait_AndPollLessOftenFurtherBack()
    {
        WaitEstimate.For(600, 60, paused: false).ShouldBe(TimeSpan.FromMinutes(10));
        WaitEstimate.For(600, 60, paused: true).ShouldBeNull();
        WaitEstimate.PollInterval(10, TimeSpan.FromMinutes(1)).ShouldBe(TimeSpan.FromSeconds(2));
        WaitEstimate.PollInterval(500, TimeSpan.FromMinutes(10)).ShouldBe(TimeSpan.FromSeconds(5));
        WaitEstimate.PollInterval(50_000, TimeSpan.FromHours(2)).ShouldBe(TimeSpan.FromSeconds(10));
        WaitEstimate.PollInterval(5_000, TimeSpan.FromSeconds(8)).ShouldBe(TimeSpan.FromSeconds(4));
    }

    [Fact]
    public void ShouldSpreadThePollsOfPeopleWhoJoinedTogether_ByUpToAFifth()
    {
        WaitEstimate.Spread(TimeSpan.FromSeconds(10), 0).ShouldBe(TimeSpan.FromSeconds(8));
        WaitEstimate.Spread(TimeSpan.FromSeconds(10), 0.5).ShouldBe(TimeSpan.FromSeconds(10));
        WaitEstimate.Spread(TimeSpan.FromSeconds(10), 0.999).ShouldBeLessThan(TimeSpan.FromSeconds(12));
        WaitEstimate.Spread(TimeSpan.FromSeconds(10), 7).ShouldBe(TimeSpan.FromSeconds(12), "a unit out of range is clamped");
    }

    [Fact]
    public void ShouldKeepAPlace_WithinTheGracePeriodOnly()
    {
        QueueGrace.IsStillWaiting(Now.AddMinutes(-2), TimeSpan.FromMinutes(2), Now).ShouldBeTrue();
        QueueGrace.IsStillWaiting(Now.AddMinutes(-2).AddTicks(-1), TimeSpan.FromMinutes(2), Now).ShouldBeFalse();
    }

    [Fact]
    public void ShouldRefuseSettingsOutsideTheirLimits()
    {
        var settings = WaitingRoomSettings.ForRound(7, 60, 100, Now);

        settings.Enabled.ShouldBeTrue();
        settings.Secret.Length.ShouldBe(WaitingRoomSettings.SecretBytes);
        Should.Throw<DomainException>(() => settings.ChangeRate(0, 100, Now)).Code.ShouldBe("queue.rate");
        Should.Throw<DomainException>(() => settings.ChangeRate(60, 0, Now)).Code.ShouldBe("queue.max_active");
        settings.Pause(Now);
        settings.Paused.ShouldBeTrue();
        settings.SeedFor(7).Hex.ShouldNotBe(settings.SeedFor(8).Hex);
    }
}
