using Shouldly;
using TicketBlue.Domain.Common;
using TicketBlue.Domain.Coupons;
using static TicketBlue.Tests.Domain.Builders;

namespace TicketBlue.Tests.Domain.Coupons;

[Trait("Category", "Unit")]
public sealed class CouponRedemptionTests
{
    private const long CouponId = 77;

    private static readonly DateTimeOffset Now = DomainTestClock.Now;

    private static CouponRedemption Reserved() => CouponRedemption.Reserve(CouponId, Customer, ReservationId, Won(10_001), Now);

    [Fact]
    public void ShouldBeReserved_WhenReserved()
    {
        var redemption = Reserved();

        redemption.Status.ShouldBe(CouponRedemptionStatus.Reserved);
        redemption.CouponId.ShouldBe(CouponId);
        redemption.UserId.ShouldBe(Customer);
        redemption.ReservationId.ShouldBe(ReservationId);
        redemption.DiscountAmount.ShouldBe(Won(10_001));
        redemption.CreatedAt.ShouldBe(Now);
        redemption.RedeemedAt.ShouldBeNull();
        redemption.ReleasedAt.ShouldBeNull();
    }

    [Fact]
    public void ShouldRefuse_GivenNoUser()
    {
        Should.Throw<DomainException>(() => CouponRedemption.Reserve(CouponId, " ", ReservationId, Won(1), Now)).Code.ShouldBe("coupon.user");
    }

    [Fact]
    public void ShouldBeRedeemed_WhenThePaymentIsConfirmed()
    {
        var redemption = Reserved();

        redemption.MarkRedeemed(Now.AddMinutes(1));

        redemption.Status.ShouldBe(CouponRedemptionStatus.Redeemed);
        redemption.RedeemedAt.ShouldBe(Now.AddMinutes(1));
    }

    [Fact]
    public void ShouldRefuseASecondRedemption()
    {
        var redemption = Reserved();
        redemption.MarkRedeemed(Now);

        Should.Throw<DomainException>(() => redemption.MarkRedeemed(Now.AddMinutes(1))).Code.ShouldBe("coupon.redemption_state");
        redemption.RedeemedAt.ShouldBe(Now);
    }

    [Fact]
    public void ShouldBeReleased_GivenAnAbandonedCheckout()
    {
        var redemption = Reserved();

        redemption.Release(Now.AddMinutes(10));

        redemption.Status.ShouldBe(CouponRedemptionStatus.Released);
        redemption.ReleasedAt.ShouldBe(Now.AddMinutes(10));
    }

    [Fact]
    public void ShouldBeReleased_GivenACancelledPaidReservation()
    {
        var redemption = Reserved();
        redemption.MarkRedeemed(Now);

        redemption.Release(Now.AddDays(1));

        redemption.Status.ShouldBe(CouponRedemptionStatus.Released);
        redemption.RedeemedAt.ShouldBe(Now);
        redemption.ReleasedAt.ShouldBe(Now.AddDays(1));
    }

    [Fact]
    public void ShouldRefuseASecondRelease()
    {
        var redemption = Reserved();
        redemption.Release(Now);

        Should.Throw<DomainException>(() => redemption.Release(Now.AddMinutes(1))).Code.ShouldBe("coupon.redemption_state");
        redemption.ReleasedAt.ShouldBe(Now);
    }

    [Fact]
    public void ShouldRefuseToRedeem_GivenAReleasedRedemption()
    {
        var redemption = Reserved();
        redemption.Release(Now);

        Should.Throw<DomainException>(() => redemption.MarkRedeemed(Now)).Code.ShouldBe("coupon.redemption_state");
        redemption.Status.ShouldBe(CouponRedemptionStatus.Released);
    }
}
