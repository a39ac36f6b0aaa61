using Shouldly;
using TicketBlue.Domain.Common;
using TicketBlue.Domain.Coupons;
using static TicketBlue.Tests.Domain.Builders;

namespace TicketBlue.Tests.Domain.Coupons;

[Trait("Category", "Unit")]
public sealed class CouponTests
{
    private static readonly DateTimeOffset Now = DomainTestClock.Now;
    private static readonly TimeWindow Validity = new(Now.AddDays(-1), Now.AddDays(30));

    private static Coupon Create(
        DiscountType type = DiscountType.FixedAmount,
        long value = 5_000,
        Money? maxDiscount = null,
        long minimumOrder = 0,
        int totalQuantity = 100,
        int perCustomerLimit = 1,
        IEnumerable<long>? performanceIds = null,
        string code = "WINTER-2026") =>
        Coupon.Create(code, "겨울 할인", type, value, maxDiscount, Won(minimumOrder), totalQuantity, perCustomerLimit, Validity, performanceIds ?? [], Now);

    private static Coupon Percentage(long percent, Money? cap = null) => Create(DiscountType.Percentage, percent, cap);

    [Fact]
    public void ShouldBeActiveAndUnused_WhenCreated()
    {
        var coupon = Create(minimumOrder: 50_000, totalQuantity: 10, perCustomerLimit: 2, performanceIds: [PerformanceId]);

        coupon.IsActive.ShouldBeTrue();
        coupon.Code.ShouldBe("WINTER-2026");
        coupon.Name.ShouldBe("겨울 할인");
        coupon.DiscountType.ShouldBe(DiscountType.FixedAmount);
        coupon.DiscountValue.ShouldBe(5_000);
        coupon.MinimumOrder.ShouldBe(Won(50_000));
        coupon.TotalQuantity.ShouldBe(10);
        coupon.UsedQuantity.ShouldBe(0);
        coupon.RemainingQuantity.ShouldBe(10);
        coupon.PerCustomerLimit.ShouldBe(2);
        coupon.Validity.ShouldBe(Validity);
        coupon.CreatedAt.ShouldBe(Now);
        coupon.Performances.Select(item => item.PerformanceId).ShouldBe([PerformanceId]);
    }

    [Theory]
    [InlineData("winter-2026", "WINTER-2026")]
    [InlineData("  welcome_10 ", "WELCOME_10")]
    [InlineData("Ab9", "AB9")]
    public void ShouldNormaliseTheCodeToUpperCase(string code, string expected)
    {
        Create(code: code).Code.ShouldBe(expected);
    }

    [Theory]
    [InlineData("겨울쿠폰")]
    [InlineData("WINTER 2026")]
    [InlineData("SALE!")]
    [InlineData("10%OFF")]
    [InlineData("WINTER.2026")]
    public void ShouldRefuseTheCode_GivenCharactersOtherThanLettersDigitsDashAndUnderscore(string code)
    {
        Should.Throw<DomainException>(() => Create(code: code)).Code.ShouldBe("coupon.code");
    }

    [Fact]
    public void ShouldRefuseTheCode_GivenBlankOrTooLong()
    {
        Should.Throw<DomainException>(() => Create(code: " ")).Code.ShouldBe("coupon.code");
        Should.Throw<DomainException>(() => Create(code: new string('A', 41))).Code.ShouldBe("coupon.code");
        Create(code: new string('A', 40)).Code.Length.ShouldBe(40);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1_000)]
    public void ShouldRefuseAFixedAmount_GivenZeroOrLess(long value)
    {
        Should.Throw<DomainException>(() => Create(DiscountType.FixedAmount, value)).Code.ShouldBe("coupon.value");
    }

    [Theory]
    [InlineData(0)]
    [InlineData(101)]
    public void ShouldRefuseAPercentage_GivenOutsideOneToHundred(long value)
    {
        Should.Throw<DomainException>(() => Create(DiscountType.Percentage, value)).Code.ShouldBe("coupon.value");
    }

    [Theory]
    [InlineData(1)]
    [InlineData(100)]
    public void ShouldAcceptAPercentage_GivenTheBounds(long value)
    {
        Create(DiscountType.Percentage, value).DiscountValue.ShouldBe(value);
    }

    [Fact]
    public void ShouldRefuse_GivenAnUndefinedDiscountType()
    {
        Should.Throw<DomainException>(() => Create((DiscountType)9, 10)).Code.ShouldBe("coupon.type");
    }

    [Fact]
    public void ShouldRefuse_GivenNoQuantityOrPerCustomerUse()
    {
        Should.Throw<DomainException>(() => Create(totalQuantity: 0)).Code.ShouldBe("coupon.quantity");
        Should.Throw<DomainException>(() => Create(perCustomerLimit: 0)).Code.ShouldBe("coupon.per_customer");
    }

    [Fact]
    public void ShouldRefuse_GivenNoName()
    {
        Should.Throw<DomainException>(() =>
                Coupon.Create("CODE1", " ", DiscountType.FixedAmount, 1_000, null, Money.Zero, 1, 1, Validity, [], Now))
            .Code.ShouldBe("coupon.name");
    }

    [Fact]
    public void ShouldDropTheCap_GivenAFixedAmount()
    {
        Create(DiscountType.FixedAmount, 5_000, maxDiscount: Won(1_000)).MaxDiscount.ShouldBeNull();
        Percentage(10, Won(1_000)).MaxDiscount.ShouldBe(Won(1_000));
    }

    [Fact]
    public void ShouldListEachPerformanceOnce()
    {
        Create(performanceIds: [1, 2, 1]).Performances.Select(item => item.PerformanceId).ShouldBe([1L, 2L]);
    }

    [Fact]
    public void ShouldRefuseAnUpdate_GivenFewerThanAlreadyUsed()
    {
        var coupon = Create(totalQuantity: 5);
        coupon.Redeem();
        coupon.Redeem();

        Should.Throw<DomainException>(() =>
                coupon.Update("WINTER-2026", "겨울 할인", DiscountType.FixedAmount, 5_000, null, Money.Zero, 1, 1, Validity, []))
            .Code.ShouldBe("coupon.quantity");
        coupon.TotalQuantity.ShouldBe(5);
    }

    [Fact]
    public void ShouldReplaceTheRules_WhenUpdated()
    {
        var coupon = Create(performanceIds: [1]);
        coupon.Redeem();

        coupon.Update("spring", "봄 할인", DiscountType.Percentage, 15, Won(20_000), Won(30_000), 1, 3, Validity, []);

        coupon.Code.ShouldBe("SPRING");
        coupon.DiscountType.ShouldBe(DiscountType.Percentage);
        coupon.DiscountValue.ShouldBe(15);
        coupon.MaxDiscount.ShouldBe(Won(20_000));
        coupon.MinimumOrder.ShouldBe(Won(30_000));
        coupon.TotalQuantity.ShouldBe(1);
        coupon.RemainingQuantity.ShouldBe(0);
        coupon.PerCustomerLimit.ShouldBe(3);
        coupon.Performances.ShouldBeEmpty();
    }

    [Theory]
    [InlineData(5_000, 110_000, 5_000)]
    [InlineData(5_000, 5_000, 5_000)]
    [InlineData(5_000, 3_000, 3_000)]
    [InlineData(5_000, 0, 0)]
    public void ShouldTakeTheFixedAmountButNeverMoreThanTheOrder(long value, long order, long expected)
    {
        Create(DiscountType.FixedAmount, value).CalculateDiscount(Won(order)).ShouldBe(Won(expected));
    }

    [Theory]
    [InlineData(10, 110_000, 11_000)]
    [InlineData(15, 33_333, 4_999)]
    [InlineData(1, 99, 0)]
    [InlineData(100, 220_000, 220_000)]
    public void ShouldTruncateThePercentageToWholeWon(long percent, long order, long expected)
    {
        Percentage(percent).CalculateDiscount(Won(order)).ShouldBe(Won(expected));
    }

    [Theory]
    [InlineData(110_000, 10_000)]
    [InlineData(90_000, 9_000)]
    [InlineData(100_000, 10_000)]
    public void ShouldCapThePercentage_GivenAMaximumDiscount(long order, long expected)
    {
        Percentage(10, Won(10_000)).CalculateDiscount(Won(order)).ShouldBe(Won(expected));
    }

    [Fact]
    public void ShouldPassEveryCheck_GivenAnApplicableCoupon()
    {
        var coupon = Create(minimumOrder: 50_000, perCustomerLimit: 2, performanceIds: [PerformanceId]);

        Should.NotThrow(() => coupon.EnsureApplicable(PerformanceId, Won(50_000), 1, Now));
    }

    [Fact]
    public void ShouldRefuse_GivenADeactivatedCoupon()
    {
        var coupon = Create();
        coupon.Deactivate();

        coupon.IsActive.ShouldBeFalse();
        Should.Throw<DomainException>(() => coupon.EnsureApplicable(PerformanceId, Won(110_000), 0, Now)).Code.ShouldBe("coupon.inactive");
    }

    [Fact]
    public void ShouldApplyAgain_WhenReactivated()
    {
        var coupon = Create();
        coupon.Deactivate();

        coupon.Activate();

        coupon.IsActive.ShouldBeTrue();
        Should.NotThrow(() => coupon.EnsureApplicable(PerformanceId, Won(110_000), 0, Now));
    }

    [Fact]
    public void ShouldRefuse_GivenAnInstantOutsideTheValidity()
    {
        var coupon = Create();

        Should.Throw<DomainException>(() => coupon.EnsureApplicable(PerformanceId, Won(110_000), 0, Validity.Start.AddTicks(-1)))
            .Code.ShouldBe("coupon.expired");
        Should.Throw<DomainException>(() => coupon.EnsureApplicable(PerformanceId, Won(110_000), 0, Validity.End))
            .Code.ShouldBe("coupon.expired");
    }

    [Fact]
    public void ShouldRefuse_GivenAnotherPerformance()
    {
        var coupon = Create(performanceIds: [PerformanceId, PerformanceId + 1]);

        Should.Throw<DomainException>(() => coupon.EnsureApplicable(PerformanceId + 2, Won(110_000), 0, Now)).Code.ShouldBe("coupon.performance");
        Should.NotThrow(() => coupon.EnsureApplicable(PerformanceId + 1, Won(110_000), 0, Now));
    }

    [Fact]
    public void ShouldApplyToAnyPerformance_GivenNoRestriction()
    {
        Should.NotThrow(() => Create().EnsureApplicable(987_654, Won(110_000), 0, Now));
    }

    [Fact]
    public void ShouldRefuse_GivenAnOrderBelowTheMinimum()
    {
        var exception = Should.Throw<DomainException>(() => Create(minimumOrder: 50_000).EnsureApplicable(PerformanceId, Won(49_999), 0, Now));

        exception.Code.ShouldBe("coupon.minimum_order");
        exception.Message.ShouldContain("50,000원");
    }

    [Fact]
    public void ShouldRefuse_GivenEveryCouponUsed()
    {
        var coupon = Create(totalQuantity: 1);
        coupon.Redeem();

        Should.Throw<DomainException>(() => coupon.EnsureApplicable(PerformanceId, Won(110_000), 0, Now)).Code.ShouldBe("coupon.sold_out");
    }

    [Fact]
    public void ShouldRefuse_GivenTheCustomerUsedItUpToTheLimit()
    {
        var coupon = Create(perCustomerLimit: 2);

        Should.NotThrow(() => coupon.EnsureApplicable(PerformanceId, Won(110_000), 1, Now));
        Should.Throw<DomainException>(() => coupon.EnsureApplicable(PerformanceId, Won(110_000), 2, Now)).Code.ShouldBe("coupon.per_customer");
    }

    [Fact]
    public void ShouldRedeemUpToTheTotalQuantity()
    {
        var coupon = Create(totalQuantity: 2);

        coupon.Redeem();
        coupon.Redeem();

        coupon.UsedQuantity.ShouldBe(2);
        coupon.RemainingQuantity.ShouldBe(0);
        Should.Throw<DomainException>(coupon.Redeem).Code.ShouldBe("coupon.sold_out");
        coupon.UsedQuantity.ShouldBe(2);
    }

    [Fact]
    public void ShouldGiveOneUseBack_WhenRestored()
    {
        var coupon = Create(totalQuantity: 1);
        coupon.Redeem();

        coupon.Restore();

        coupon.UsedQuantity.ShouldBe(0);
        coupon.RemainingQuantity.ShouldBe(1);
        Should.NotThrow(coupon.Redeem);
    }

    [Fact]
    public void ShouldRefuseToRestore_GivenNoUse()
    {
        var coupon = Create();

        Should.Throw<DomainException>(coupon.Restore).Code.ShouldBe("coupon.restore");
        coupon.UsedQuantity.ShouldBe(0);
    }
}
