using Shouldly;
using TicketBlue.Domain.Checkout;
using TicketBlue.Domain.Common;
using TicketBlue.Domain.Coupons;
using static TicketBlue.Tests.Domain.Builders;

namespace TicketBlue.Tests.Domain.Checkout;

[Trait("Category", "Unit")]
public sealed class CheckoutPricingTests
{
    private static readonly DateTimeOffset Now = DomainTestClock.Now;

    private static Coupon Coupon(
        long id,
        string code,
        DiscountType type = DiscountType.FixedAmount,
        long value = 10_000,
        Money? cap = null,
        long minimumOrder = 0,
        int totalQuantity = 100,
        int perCustomerLimit = 1,
        IEnumerable<long>? performanceIds = null,
        TimeWindow? validity = null) =>
        global::TicketBlue.Domain.Coupons.Coupon.Create(
            code, $"{code} 쿠폰", type, value, cap, Won(minimumOrder), totalQuantity, perCustomerLimit,
            validity ?? new TimeWindow(Now.AddDays(-1), Now.AddDays(30)), performanceIds ?? [], Now).WithId(id);

    private static CheckoutPricing Price(params CouponCandidate[] candidates) =>
        CheckoutPricing.For(PerformanceId, TwoVipLines(), candidates, Now);

    [Fact]
    public void ShouldAddUpTheSeats()
    {
        var pricing = CheckoutPricing.For(PerformanceId, [Line(1, 110_000), Line(2, 80_000, R)], [], Now);

        pricing.Subtotal.ShouldBe(Won(190_000));
        pricing.Offers.ShouldBeEmpty();
        pricing.Apply(null).ShouldBe(new OrderPrice(null, Won(190_000), Money.Zero));
    }

    [Fact]
    public void ShouldRefuse_GivenNoSeats()
    {
        Should.Throw<DomainException>(() => CheckoutPricing.For(PerformanceId, [], [], Now)).Code.ShouldBe("checkout.empty");
    }

    [Fact]
    public void ShouldOfferUsableCouponsFirst_LargestDiscountFirst_ThenTheOthersWithTheirReason()
    {
        var pricing = Price(
            new CouponCandidate(Coupon(1, "FIXED", value: 10_000), 0),
            new CouponCandidate(Coupon(2, "TENPCT", DiscountType.Percentage, 10, cap: Won(20_000)), 0),
            new CouponCandidate(Coupon(3, "BIGSPEND", minimumOrder: 300_000), 0),
            new CouponCandidate(Coupon(4, "ONCE", perCustomerLimit: 1), 1),
            new CouponCandidate(Coupon(5, "OTHERSHOW", performanceIds: [PerformanceId + 1]), 0),
            new CouponCandidate(Exhausted(6, "GONE"), 0));

        pricing.Offers.Select(offer => (offer.Coupon.Code, offer.Applicable, offer.Discount.Won)).ShouldBe(
        [
            ("TENPCT", true, 20_000),
            ("FIXED", true, 10_000),
            ("BIGSPEND", false, 0),
            ("GONE", false, 0),
            ("ONCE", false, 0),
            ("OTHERSHOW", false, 0),
        ]);
        pricing.Offers.Single(offer => offer.Coupon.Code == "BIGSPEND").Refusal!.Code.ShouldBe("coupon.minimum_order");
        pricing.Offers.Single(offer => offer.Coupon.Code == "ONCE").Refusal!.Code.ShouldBe("coupon.per_customer");
        pricing.Offers.Single(offer => offer.Coupon.Code == "OTHERSHOW").Refusal!.Code.ShouldBe("coupon.performance");
        pricing.Offers.Single(offer => offer.Coupon.Code == "GONE").Refusal!.Message.ShouldBe("쿠폰이 모두 소진되었습니다.");
    }

    [Fact]
    public void ShouldLeaveOut_CouponsOutsideTheirValidityOrSwitchedOff()
    {
        var notYet = Coupon(1, "SOON", validity: new TimeWindow(Now.AddDays(1), Now.AddDays(2)));
        var over = Coupon(2, "OVER", validity: new TimeWindow(Now.AddDays(-2), Now.AddDays(-1)));
        var off = Coupon(3, "OFF");
        off.Deactivate();

        var pricing = Price(new CouponCandidate(notYet, 0), new CouponCandidate(over, 0), new CouponCandidate(off, 0));

        pricing.Offers.ShouldBeEmpty();
        Should.Throw<DomainException>(() => pricing.Apply(2)).Code.ShouldBe("coupon.expired");
        Should.Throw<DomainException>(() => pricing.Apply(3)).Code.ShouldBe("coupon.inactive");
    }

    [Fact]
    public void ShouldApplyTheChosenCoupon_WhenItApplies()
    {
        var pricing = Price(new CouponCandidate(Coupon(1, "TENPCT", DiscountType.Percentage, 10), 0));

        var price = pricing.Apply(1);

        price.ShouldBe(new OrderPrice(1, Won(220_000), Won(22_000)));
        price.Total.ShouldBe(Won(198_000));
        pricing.Preview(1).ShouldBe(price);
    }

    [Fact]
    public void ShouldThrowTheCouponsReason_WhenPlacingWithACouponThatDoesNotApply()
    {
        var pricing = Price(new CouponCandidate(Coupon(1, "BIGSPEND", minimumOrder: 300_000), 0));

        var refusal = Should.Throw<DomainException>(() => pricing.Apply(1));

        refusal.Code.ShouldBe("coupon.minimum_order");
        refusal.Message.ShouldBe("300,000원 이상 주문 시 쓸 수 있는 쿠폰입니다.");
    }

    [Fact]
    public void ShouldPreviewWithoutTheCoupon_WhenTheChosenOneDoesNotApply()
    {
        var pricing = Price(new CouponCandidate(Coupon(1, "BIGSPEND", minimumOrder: 300_000), 0));

        pricing.Preview(1).ShouldBe(new OrderPrice(null, Won(220_000), Money.Zero));
        pricing.Preview(99).ShouldBe(new OrderPrice(null, Won(220_000), Money.Zero));
    }

    [Fact]
    public void ShouldRefuse_GivenACouponThatWasNotACandidate()
    {
        Should.Throw<DomainException>(() => Price().Apply(42)).Code.ShouldBe("coupon.not_found");
    }

    [Fact]
    public void ShouldNeverDiscountMoreThanTheOrder()
    {
        var pricing = Price(new CouponCandidate(Coupon(1, "HUGE", value: 500_000), 0));

        var price = pricing.Apply(1);

        price.Discount.ShouldBe(Won(220_000));
        price.Total.ShouldBe(Money.Zero);
    }

    [Theory]
    [InlineData(DiscountType.FixedAmount, 10_000, null, "10,000원 할인")]
    [InlineData(DiscountType.Percentage, 10, 20_000L, "10% 할인 (최대 20,000원)")]
    [InlineData(DiscountType.Percentage, 15, null, "15% 할인")]
    public void ShouldDescribeTheDiscountInKorean(DiscountType type, long value, long? cap, string expected)
    {
        var coupon = Coupon(1, "LABEL", type, value, cap is null ? null : Won(cap.Value));

        CouponOffer.Describe(coupon).ShouldBe(expected);
        new CouponOffer(coupon, Money.Zero, null).DiscountLabel.ShouldBe(expected);
    }

    private static Coupon Exhausted(long id, string code)
    {
        var coupon = Coupon(id, code, totalQuantity: 1);
        coupon.Redeem();
        return coupon;
    }
}
