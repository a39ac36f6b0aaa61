using Shouldly;
using TicketBlue.Domain.Accounts;
using TicketBlue.Domain.Common;

namespace TicketBlue.Tests.Domain.Accounts;

[Trait("Category", "Unit")]
public sealed class RecordRetentionTests
{
    private static readonly DateTimeOffset Now = DomainTestClock.Now;
    private static readonly RecordRetention Retention = RecordRetention.Default;

    [Fact]
    public void ShouldDestroyDormantDataAfterFourYears()
    {
        Retention.IsDormantDataExpired(Now.AddDays(-4 * 365), Now).ShouldBeTrue();
        Retention.IsDormantDataExpired(Now.AddDays(-4 * 365).AddTicks(1), Now).ShouldBeFalse();
    }

    [Fact]
    public void ShouldKeepAReservationFiveYearsFromItsLastEvent_TheShowIncluded()
    {
        var booked = Now.AddDays(-(5 * 365) - 10);
        var dates = new ReservationRecordDates(booked, booked.AddMinutes(3), null, booked.AddDays(5));

        dates.LastEvent.ShouldBe(booked.AddDays(5));
        Retention.IsContractRecordExpired(dates, Now).ShouldBeTrue();
        Retention.IsContractRecordExpired(dates with { CancelledAt = Now.AddDays(-(5 * 365)) }, Now).ShouldBeFalse("the refund was later");
        Retention.IsContractRecordExpired(dates with { ShowStartsAt = Now.AddDays(-100) }, Now).ShouldBeFalse();
    }

    [Fact]
    public void ShouldEraseAComplaintThreeYearsAfterTheCancellation()
    {
        Retention.IsComplaintRecordExpired(Now.AddDays(-3 * 365), Now).ShouldBeTrue();
        Retention.IsComplaintRecordExpired(Now.AddDays(-3 * 365).AddTicks(1), Now).ShouldBeFalse();
    }

    [Fact]
    public void ShouldRefuseRetentionShorterThanTheLaw()
    {
        Should.Throw<DomainException>(() => new RecordRetention(TimeSpan.FromDays(365), TimeSpan.FromDays(4 * 365), TimeSpan.FromDays(3 * 365)));
        Should.Throw<DomainException>(() => new RecordRetention(TimeSpan.FromDays(365), TimeSpan.FromDays(5 * 365), TimeSpan.FromDays(2 * 365)));
        Should.Throw<DomainException>(() => new RecordRetention(TimeSpan.FromDays(10), TimeSpan.FromDays(5 * 365), TimeSpan.FromDays(3 * 365)));
    }
}
