using Shouldly;
using TicketBlue.Domain.Common;
using TicketBlue.Domain.Coupons;

namespace TicketBlue.Tests.Domain.Coupons;

[Trait("Category", "Unit")]
public sealed class PersonalCouponTests
{
    private static readonly DateTimeOffset Now = DomainTestClock.Now;

    [Fact]
    public void ShouldBeOneFixedDiscountForOneCustomer_ValidFromNowForItsPeriod()
    {
        var coupon = Coupon.IssuePersonal("welcome-abc", "신규 가입 축하 쿠폰", Money.FromWon(5_000), TimeSpan.FromDays(30), "user-1", Now);

        coupon.Code.ShouldBe("WELCOME-ABC");
        coupon.IssuedTo.ShouldBe("user-1");
        coupon.CalculateDiscount(Money.FromWon(80_000)).ShouldBe(Money.FromWon(5_000));
        coupon.TotalQuantity.ShouldBe(1);
        coupon.PerCustomerLimit.ShouldBe(1);
        coupon.Validity.Start.ShouldBe(Now);
        coupon.Validity.End.ShouldBe(Now.AddDays(30));
    }

    [Fact]
    public void ShouldBeOfferedToItsOwnerOnly_WhileEveryonesCouponsAreOfferedToAll()
    {
        var personal = Coupon.IssuePersonal("W-1", "환영", Money.FromWon(5_000), TimeSpan.FromDays(30), "user-1", Now);
        var everyones = Coupon.Create("ALL", "모두", DiscountType.FixedAmount, 1_000, null, Money.Zero, 10, 1, new TimeWindow(Now, Now.AddDays(1)), [], Now);
        var forOwner = Coupon.OfferedTo("user-1").Compile();
        var forOther = Coupon.OfferedTo("user-2").Compile();

        forOwner(personal).ShouldBeTrue();
        forOther(personal).ShouldBeFalse();
        forOwner(everyones).ShouldBeTrue();
        forOther(everyones).ShouldBeTrue();
    }

    [Fact]
    public void ShouldRefuseAnEmptyPeriodOrOwner()
    {
        Should.Throw<DomainException>(() => Coupon.IssuePersonal("W-2", "환영", Money.FromWon(5_000), TimeSpan.Zero, "user-1", Now)).Code.ShouldBe("coupon.validity");
        Should.Throw<DomainException>(() => Coupon.IssuePersonal("W-3", "환영", Money.FromWon(5_000), TimeSpan.FromDays(1), " ", Now)).Code.ShouldBe("coupon.issued_to");
    }
}
