using Shouldly;
using TicketBlue.Domain.Common;
using TicketBlue.Domain.Coupons;
using TicketBlue.Tests.Fixtures;
using static TicketBlue.Tests.Infrastructure.Checkout.CheckoutScenario;

namespace TicketBlue.Tests.Infrastructure.Checkout;

/// <summary>The order page's numbers on real MariaDB: seats, coupons with their discount or reason, totals.</summary>
[Trait("Category", "Integration")]
public sealed class CheckoutQuoteTests(BookingDatabase booking) : IClassFixture<BookingDatabase>
{
    [Fact]
    public async Task ShouldListUsableAndUnusableCoupons_WithTheirDiscountsAndReasons()
    {
        var world = new CheckoutScenario(booking);
        var (catalog, seats) = await world.ShowAsync();
        var (otherShow, _) = await world.ShowAsync();
        var customer = (await world.CustomersAsync(1))[0];
        var hold = await world.HoldAsync(customer, catalog.Round.Id, seats[0].Id, seats[1].Id);
        var now = world.Clock.GetUtcNow();
        var fixedOff = await world.CouponAsync(value: 10_000);
        var tenPercent = await world.CouponAsync(DiscountType.Percentage, 10, cap: Money.FromWon(15_000));
        var bigSpend = await world.CouponAsync(minimumOrder: 500_000);
        var soldOut = await world.CouponAsync(totalQuantity: 1, alreadyUsed: 1);
        var elsewhere = await world.CouponAsync(performanceIds: [otherShow.Performance.Id]);
        var notYet = await world.CouponAsync(validity: new TimeWindow(now.AddDays(1), now.AddDays(2)));

        var result = await world.Checkout.QuoteAsync(customer, hold.HoldId, tenPercent.Id, Cancel);

        result.Failure.ShouldBeNull();
        var quote = result.Value!;
        quote.Hold.HoldId.ShouldBe(hold.HoldId);
        quote.Hold.Seats.Select(seat => (seat.RoundSeatId, seat.Grade, seat.Price)).ShouldBe([(seats[0].Id, "R", 110_000L), (seats[1].Id, "R", 110_000L)]);
        quote.PerformanceId.ShouldBe(catalog.Performance.Id);
        quote.PerformanceTitle.ShouldBe("테스트 뮤지컬");
        quote.VenueName.ShouldBe("테스트 아트홀");
        quote.RoundStartsAt.ShouldBe(catalog.Round.StartsAt);
        quote.PosterKey.ShouldBe("posters/test.svg");
        quote.PosterUrl.ShouldBeNull();
        (quote.AppliedCouponId, quote.Subtotal, quote.Discount, quote.Total).ShouldBe((tenPercent.Id, 220_000L, 15_000L, 205_000L));

        var mine = new[] { fixedOff.Id, tenPercent.Id, bigSpend.Id, soldOut.Id, elsewhere.Id, notYet.Id }.ToHashSet();
        var options = quote.Coupons.Where(option => mine.Contains(option.CouponId)).ToList();
        options.Select(option => (option.CouponId, option.Applicable, option.Discount, option.NotApplicableReason)).ShouldBe(
        [
            (tenPercent.Id, true, 15_000L, null),
            (fixedOff.Id, true, 10_000L, null),
            (bigSpend.Id, false, 0L, "500,000원 이상 주문 시 쓸 수 있는 쿠폰입니다."),
            (soldOut.Id, false, 0L, "쿠폰이 모두 소진되었습니다."),
            (elsewhere.Id, false, 0L, "이 공연에는 쓸 수 없는 쿠폰입니다."),
        ],
        ignoreOrder: true);
        options.Single(option => option.CouponId == tenPercent.Id).DiscountLabel.ShouldBe("10% 할인 (최대 15,000원)");
        options.Single(option => option.CouponId == fixedOff.Id).DiscountLabel.ShouldBe("10,000원 할인");
        options.Take(2).ShouldAllBe(option => option.Applicable, "usable coupons come first");
    }

    [Fact]
    public async Task ShouldQuoteWithoutTheCoupon_WhenTheChosenOneDoesNotApply()
    {
        var world = new CheckoutScenario(booking);
        var (catalog, seats) = await world.ShowAsync();
        var customer = (await world.CustomersAsync(1))[0];
        var hold = await world.HoldAsync(customer, catalog.Round.Id, seats[0].Id);
        var bigSpend = await world.CouponAsync(minimumOrder: 500_000);

        var quote = (await world.Checkout.QuoteAsync(customer, hold.HoldId, bigSpend.Id, Cancel)).Value!;

        (quote.AppliedCouponId, quote.Subtotal, quote.Discount, quote.Total).ShouldBe((null, 110_000L, 0L, 110_000L));
    }

    [Fact]
    public async Task ShouldCountTheCustomersUses_ButNotTheOrderBeingReplaced()
    {
        var world = new CheckoutScenario(booking);
        var (catalog, seats) = await world.ShowAsync();
        var customer = (await world.CustomersAsync(1))[0];
        var first = await world.HoldAsync(customer, catalog.Round.Id, seats[0].Id);
        var second = await world.HoldAsync(customer, catalog.Round.Id, seats[1].Id);
        var once = await world.CouponAsync(totalQuantity: 1, perCustomerLimit: 1);
        (await world.Checkout.PlaceOrderAsync(customer, first.HoldId, once.Id, Cancel)).Failure.ShouldBeNull();

        var sameOrder = (await world.Checkout.QuoteAsync(customer, first.HoldId, once.Id, Cancel)).Value!;
        var otherOrder = (await world.Checkout.QuoteAsync(customer, second.HoldId, once.Id, Cancel)).Value!;

        sameOrder.Coupons.Single(option => option.CouponId == once.Id).Applicable.ShouldBeTrue("placing this hold again moves the use, it does not need a second one");
        sameOrder.AppliedCouponId.ShouldBe(once.Id);
        var refused = otherOrder.Coupons.Single(option => option.CouponId == once.Id);
        refused.Applicable.ShouldBeFalse();
        refused.NotApplicableReason.ShouldBe("쿠폰이 모두 소진되었습니다.");
        otherOrder.AppliedCouponId.ShouldBeNull();
    }

    [Fact]
    public async Task ShouldRefuse_SomeoneElsesHold_AsNotFound()
    {
        var world = new CheckoutScenario(booking);
        var (catalog, seats) = await world.ShowAsync();
        var customers = await world.CustomersAsync(2);
        var hold = await world.HoldAsync(customers[0], catalog.Round.Id, seats[0].Id);

        var quote = await world.Checkout.QuoteAsync(customers[1], hold.HoldId, null, Cancel);
        var order = await world.Checkout.PlaceOrderAsync(customers[1], hold.HoldId, null, Cancel);

        quote.Failure!.Code.ShouldBe("hold.not_found");
        quote.Failure.Message.ShouldBe("선점 내역을 찾을 수 없습니다.");
        order.Failure!.Code.ShouldBe("hold.not_found");
        (await world.Checkout.QuoteAsync(customers[0], Guid.NewGuid(), null, Cancel)).Failure!.Code.ShouldBe("hold.not_found");
    }

    [Fact]
    public async Task ShouldRefuse_AnExpiredHold()
    {
        var world = new CheckoutScenario(booking);
        var (catalog, seats) = await world.ShowAsync();
        var customer = (await world.CustomersAsync(1))[0];
        var hold = await world.HoldAsync(customer, catalog.Round.Id, seats[0].Id);
        world.Clock.SetUtcNow(hold.ExpiresAt);

        var quote = await world.Checkout.QuoteAsync(customer, hold.HoldId, null, Cancel);
        var order = await world.Checkout.PlaceOrderAsync(customer, hold.HoldId, null, Cancel);

        quote.Failure!.Code.ShouldBe("hold.expired");
        order.Failure!.Code.ShouldBe("hold.expired");
        order.Failure.Message.ShouldBe("선점 시간이 지나 좌석이 해제되었습니다. 좌석을 다시 선택해 주세요.");
    }

    [Fact]
    public async Task ShouldRefuse_AReleasedHold()
    {
        var world = new CheckoutScenario(booking);
        var (catalog, seats) = await world.ShowAsync();
        var customer = (await world.CustomersAsync(1))[0];
        var hold = await world.HoldAsync(customer, catalog.Round.Id, seats[0].Id);
        (await world.Holds.ReleaseAsync(customer, hold.HoldId, Cancel)).ShouldBeNull();

        var order = await world.Checkout.PlaceOrderAsync(customer, hold.HoldId, null, Cancel);

        order.Failure!.Code.ShouldBe("hold.released");
    }
}
