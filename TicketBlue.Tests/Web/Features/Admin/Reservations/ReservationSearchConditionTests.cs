using Shouldly;
using TicketBlue.Domain.Reservations;
using TicketBlue.Infrastructure.Reservations;

namespace TicketBlue.Tests.Web.Features.Admin.Reservations;

/// <summary>Each condition of the admin reservation search alone, then three at a time (see <see cref="ReservationSearchData"/>).</summary>
[Trait("Category", "Integration")]
[Collection(ReservationSearchShared.Name)]
public sealed class ReservationSearchConditionTests(ReservationSearchData data) : ReservationSearchTestBase(data)
{
    [Fact]
    public async Task ShouldListEveryReservationNewestFirst_WithItsDisplayColumns()
    {
        var result = await Query().SearchAsync(new ReservationSearchCriteria(), Cancel);

        result.Rows.Select(row => Key(row.Id)).ShouldBe(["r6", "r5", "r4", "r3", "r2", "r1"]);
        result.TotalCount.ShouldBe(6);
        result.TotalIsCapped.ShouldBeFalse();
        var r3 = result.Rows.Single(row => row.Id == Data.Ids["r3"]);
        r3.ShouldBe(new ReservationSearchRow(
            Data.Ids["r3"], Data.NumberOf("r3"), "박준", "jun.park@example.com", "01098765432", "테스트 뮤지컬", r3.RoundStartsAt,
            1, 100_000, ReservationStatus.Confirmed, "간편결제", "SPRING10", Now.AddDays(-8)));
        result.Rows.Single(row => row.Id == Data.Ids["r2"]).PaymentMethod.ShouldBeNull();
        result.Rows.Single(row => row.Id == Data.Ids["r6"]).Seats.ShouldBe(3);
    }

    [Fact]
    public async Task ShouldFilterByPerformance() =>
        (await KeysAsync(new() { PerformanceId = Data.PerformanceA })).ShouldBe(["r3", "r2", "r1"]);

    [Fact]
    public async Task ShouldFilterByRound() =>
        (await KeysAsync(new() { RoundId = Data.RoundB })).ShouldBe(["r6", "r5", "r4"]);

    [Fact]
    public async Task ShouldFilterByOneStatus() =>
        (await KeysAsync(new() { Statuses = [ReservationStatus.Confirmed] })).ShouldBe(["r6", "r3", "r1"]);

    [Fact]
    public async Task ShouldFilterBySeveralStatuses() =>
        (await KeysAsync(new() { Statuses = [ReservationStatus.PendingPayment, ReservationStatus.Expired] })).ShouldBe(["r5", "r2"]);

    [Fact]
    public async Task ShouldFilterByCreationTime_FromInclusiveBeforeExclusive() =>
        (await KeysAsync(new() { CreatedFrom = Now.AddDays(-9), CreatedBefore = Now.AddDays(-3) })).ShouldBe(["r4", "r3", "r2"]);

    [Fact]
    public async Task ShouldFilterByPaymentMethod() =>
        (await KeysAsync(new() { PaymentMethod = "카드" })).ShouldBe(["r4", "r1"]);

    [Fact]
    public async Task ShouldFilterByCouponCode_InAnyCase() =>
        (await KeysAsync(new() { CouponCode = " spring10 " })).ShouldBe(["r3"]);

    [Fact]
    public async Task ShouldFindNothing_GivenAnUnknownCouponCode() =>
        (await KeysAsync(new() { CouponCode = "NOPE" })).ShouldBeEmpty();

    [Fact]
    public async Task ShouldFilterByAmountRange_BothEndsInclusive() =>
        (await KeysAsync(new() { MinTotal = 110_000, MaxTotal = 220_000 })).ShouldBe(["r5", "r4", "r2", "r1"]);

    [Theory]
    [InlineData("JUN.P", "r4,r3")]
    [InlineData("minji.kim@", "r2,r1")]
    [InlineData("김", "r5,r2,r1")]
    [InlineData("김하", "r5")]
    [InlineData("민지", "")]
    [InlineData("0101234", "r2,r1")]
    [InlineData("010-9876", "r4,r3")]
    [InlineData("010 1234 5678", "r2,r1")]
    public async Task ShouldFilterByCustomer_WithAPrefixOfNameEmailOrPhone(string customer, string expected) =>
        (await KeysAsync(new() { Customer = customer })).ShouldBe(expected.Split(',', StringSplitOptions.RemoveEmptyEntries));

    [Fact]
    public async Task ShouldCombinePerformanceStatusAndDateRange() =>
        (await KeysAsync(new() { PerformanceId = Data.PerformanceA, Statuses = [ReservationStatus.Confirmed], CreatedFrom = Now.AddDays(-9) })).ShouldBe(["r3"]);

    [Fact]
    public async Task ShouldCombineCustomerEmailPrefixStatusAndDateRange() =>
        (await KeysAsync(new() { Customer = "minji.kim@", Statuses = [ReservationStatus.PendingPayment], CreatedFrom = Now.AddDays(-10), CreatedBefore = Now.AddDays(-8) }))
            .ShouldBe(["r2"]);

    [Fact]
    public async Task ShouldCombinePaymentMethodAmountRangeAndDateRange() =>
        (await KeysAsync(new() { PaymentMethod = "카드", MinTotal = 200_000, MaxTotal = 250_000, CreatedFrom = Now.AddDays(-6) })).ShouldBe(["r4"]);
}
