using Shouldly;
using TicketBlue.Domain.Reservations;
using TicketBlue.Web.Features.Admin.Reservations;

namespace TicketBlue.Tests.Web.Features.Admin.Reservations;

[Trait("Category", "Unit")]
public sealed class ReservationSearchFilterTests
{
    private static readonly ReservationSearchFilter Full = new()
    {
        PerformanceId = 12,
        RoundId = 34,
        Customer = "김민지",
        Statuses = [ReservationStatus.Confirmed, ReservationStatus.Cancelled],
        From = new DateOnly(2026, 11, 1),
        To = new DateOnly(2026, 11, 30),
        PaymentMethod = "카드",
        CouponCode = "SPRING10",
        MinTotal = 10_000,
        MaxTotal = 500_000,
    };

    [Fact]
    public void ShouldWriteEveryFilledConditionInAFixedOrder_AndReadItBack()
    {
        var query = Full.ToQueryString();

        query.ShouldBe("performance=12&round=34&customer=%EA%B9%80%EB%AF%BC%EC%A7%80&status=Confirmed&status=Cancelled&from=2026-11-01&to=2026-11-30&method=%EC%B9%B4%EB%93%9C&coupon=SPRING10&min=10000&max=500000");
        var back = ReservationSearchFilter.Parse(query);
        back.Statuses.ShouldBe(Full.Statuses);
        (back with { Statuses = Full.Statuses }).ShouldBe(Full);
    }

    [Fact]
    public void ShouldLeaveOutValuesThatDoNotParse() =>
        ReservationSearchFilter.Parse("performance=abc&status=Nope&status=expired&from=2026-13-01&min=1e3&customer=%20")
            .ShouldBe(new ReservationSearchFilter { Statuses = [ReservationStatus.Expired] }, new FilterComparer());

    [Fact]
    public void ShouldTurnSeoulDaysIntoAnInclusiveRangeOfInstants()
    {
        var criteria = new ReservationSearchFilter { From = new DateOnly(2026, 11, 1), To = new DateOnly(2026, 11, 30) }.ToCriteria();

        criteria.CreatedFrom.ShouldBe(new DateTimeOffset(2026, 10, 31, 15, 0, 0, TimeSpan.Zero));
        criteria.CreatedBefore.ShouldBe(new DateTimeOffset(2026, 11, 30, 15, 0, 0, TimeSpan.Zero));
    }

    /// <summary>Records compare lists by reference; this compares the statuses by content.</summary>
    private sealed class FilterComparer : IEqualityComparer<ReservationSearchFilter>
    {
        public bool Equals(ReservationSearchFilter? x, ReservationSearchFilter? y) =>
            x is not null && y is not null && x.Statuses.SequenceEqual(y.Statuses) && (x with { Statuses = Array.Empty<ReservationStatus>() }) == (y with { Statuses = Array.Empty<ReservationStatus>() });

        public int GetHashCode(ReservationSearchFilter obj) => 0;
    }
}
