using Shouldly;
using TicketBlue.Domain.Common;
using TicketBlue.Domain.Reservations;
using static TicketBlue.Tests.Domain.Builders;

namespace TicketBlue.Tests.Domain.Reservations;

/// <summary>The cut-off and the Korean fee scale, at every step and on both sides of each boundary (Seoul time).</summary>
public sealed class RefundPolicyTests
{
    // Booked 2026-11-25 in Seoul; the show is 2026-12-10 19:30 Seoul.
    private static readonly DateTimeOffset BookedAt = DomainTestClock.Now;

    private static DateTimeOffset Seoul(int month, int day, int hour, int minute = 0, int second = 0) =>
        SeoulTime.At(new DateOnly(2026, month, day), new TimeOnly(hour, minute, second));

    [Theory]
    [InlineData(11, 26, 0, 0)]
    [InlineData(11, 30, 23, 59)]
    public void ShouldBeFreeTenDaysOrMoreBefore_GivenTheDefaultScale(int month, int day, int hour, int minute) =>
        RefundPolicy.Default.FeeAt(RoundStart, BookedAt, Seoul(month, day, hour, minute)).ShouldBe(RefundFee.FreeFrom(10));

    [Theory]
    [InlineData(12, 1, 0, 0, 10, 9, 7)]
    [InlineData(12, 3, 23, 59, 10, 9, 7)]
    [InlineData(12, 4, 0, 0, 20, 6, 3)]
    [InlineData(12, 7, 23, 59, 20, 6, 3)]
    [InlineData(12, 8, 0, 0, 30, 2, 1)]
    [InlineData(12, 9, 16, 59, 30, 2, 1)]
    public void ShouldChargeTheDefaultScale_ByDaysBeforeTheShowInSeoul(int month, int day, int hour, int minute, int percent, int fromDays, int toDays)
    {
        var fee = RefundPolicy.Default.FeeAt(RoundStart, BookedAt, Seoul(month, day, hour, minute));

        fee.ShouldBe(RefundFee.Tier(percent, fromDays, toDays));
    }

    [Fact]
    public void ShouldCloseAt17OnTheDayBefore_InclusiveOfThatInstant()
    {
        RefundPolicy.Default.CancellableUntil(RoundStart).ShouldBe(Seoul(12, 9, 17));
        RefundPolicy.Default.FeeAt(RoundStart, BookedAt, Seoul(12, 9, 17)).Percent.ShouldBe(30);

        var late = Should.Throw<DomainException>(() => RefundPolicy.Default.FeeAt(RoundStart, BookedAt, Seoul(12, 9, 17, 0, 1)));

        late.Code.ShouldBe("cancel.past_cutoff");
        late.Message.ShouldBe("취소 가능 시간(12월 9일 17:00)이 지나 취소할 수 없습니다. 고객센터로 문의해 주세요.");
        Should.Throw<DomainException>(() => RefundPolicy.Default.FeeAt(RoundStart, BookedAt, Seoul(12, 10, 10))).Code.ShouldBe("cancel.past_cutoff");
    }

    [Fact]
    public void ShouldReadTheCutOffInSeoul_ForAnEarlyMorningShowWhoseUtcDateIsTheDayBefore()
    {
        // 2026-12-10 01:00 in Seoul is 2026-12-09 16:00 UTC: the cut-off is still 12-09 17:00 Seoul.
        var earlyShow = Seoul(12, 10, 1);

        RefundPolicy.Default.CancellableUntil(earlyShow).ShouldBe(Seoul(12, 9, 17));
        RefundPolicy.DaysBeforeShow(earlyShow, Seoul(12, 9, 8)).ShouldBe(1);
    }

    [Fact]
    public void ShouldBeFreeOnTheBookingDay_EvenInsideAFeeStep()
    {
        var bookedLate = Seoul(12, 5, 9);

        var sameDay = RefundPolicy.Default.FeeAt(RoundStart, bookedLate, Seoul(12, 5, 23, 59));
        var nextDay = RefundPolicy.Default.FeeAt(RoundStart, bookedLate, Seoul(12, 6, 0));

        sameDay.Percent.ShouldBe(0);
        sameDay.ShouldBe(RefundFee.BookingDay);
        nextDay.Percent.ShouldBe(20);
    }

    [Fact]
    public void ShouldNeverLetTheBookingDayPassTheCutOff()
    {
        var bookedOnTheDayBefore = Seoul(12, 9, 10);

        RefundPolicy.Default.FeeAt(RoundStart, bookedOnTheDayBefore, Seoul(12, 9, 16)).Percent.ShouldBe(0);
        Should.Throw<DomainException>(() => RefundPolicy.Default.FeeAt(RoundStart, bookedOnTheDayBefore, Seoul(12, 9, 18))).Code.ShouldBe("cancel.past_cutoff");
    }

    [Fact]
    public void ShouldChargeTheStep_GivenTheBookingDayIsNotFree()
    {
        var policy = new RefundPolicy(1, new TimeOnly(17, 0), freeOnBookingDay: false, RefundPolicy.Default.Tiers);

        policy.FeeAt(RoundStart, Seoul(12, 5, 9), Seoul(12, 5, 10)).Percent.ShouldBe(20);
    }

    [Fact]
    public void ShouldFollowAConfiguredCutOffAndScale()
    {
        var policy = new RefundPolicy(2, new TimeOnly(12, 0), freeOnBookingDay: true, [new RefundFeeTier(3, 50), new RefundFeeTier(14, 5)]);

        policy.CancellableUntil(RoundStart).ShouldBe(Seoul(12, 8, 12));
        policy.FeeAt(RoundStart, Seoul(11, 20, 10), Seoul(11, 25, 23, 59)).ShouldBe(RefundFee.FreeFrom(15));
        policy.FeeAt(RoundStart, BookedAt, Seoul(11, 26, 0)).ShouldBe(RefundFee.Tier(5, 14, 4));
        policy.FeeAt(RoundStart, BookedAt, Seoul(12, 6, 23, 59)).Percent.ShouldBe(5);
        policy.FeeAt(RoundStart, BookedAt, Seoul(12, 7, 0)).ShouldBe(RefundFee.Tier(50, 3, 1));
        Should.Throw<DomainException>(() => policy.FeeAt(RoundStart, BookedAt, Seoul(12, 8, 12, 0, 1))).Code.ShouldBe("cancel.past_cutoff");
    }

    [Fact]
    public void ShouldBeFreeUpToTheCutOff_GivenNoFeeSteps()
    {
        var policy = new RefundPolicy(1, new TimeOnly(17, 0), freeOnBookingDay: false, []);

        policy.FeeAt(RoundStart, BookedAt, Seoul(12, 9, 10)).ShouldBe(RefundFee.FreeFrom(1));
    }

    [Theory]
    [InlineData(33_333, 10, 3_333)]
    [InlineData(99_999, 30, 29_999)]
    [InlineData(1, 30, 0)]
    [InlineData(0, 30, 0)]
    [InlineData(110_000, 20, 22_000)]
    public void ShouldTruncateTheFeeToWholeWon(long paid, int percent, long fee) =>
        RefundFee.Tier(percent, 3, 1).On(Money.FromWon(paid)).ShouldBe(Money.FromWon(fee));

    [Fact]
    public void ShouldRefuseAnImpossibleScale()
    {
        Should.Throw<DomainException>(() => new RefundFeeTier(0, 10)).Code.ShouldBe("refund.tier_days");
        Should.Throw<DomainException>(() => new RefundFeeTier(3, 101)).Code.ShouldBe("refund.tier_percent");
        Should.Throw<DomainException>(() => new RefundFeeTier(3, -1)).Code.ShouldBe("refund.tier_percent");
        Should.Throw<DomainException>(() => new RefundPolicy(1, new TimeOnly(17, 0), true, [new RefundFeeTier(3, 10), new RefundFeeTier(3, 20)])).Code.ShouldBe("refund.tier_days");
        Should.Throw<DomainException>(() => new RefundPolicy(-1, new TimeOnly(17, 0), true, [])).Code.ShouldBe("refund.cutoff");
    }
}
