using Shouldly;
using TicketBlue.Domain.Checkout;
using TicketBlue.Domain.Common;
using static TicketBlue.Tests.Domain.Builders;

namespace TicketBlue.Tests.Domain.Checkout;

[Trait("Category", "Unit")]
public sealed class HoldCheckoutTests
{
    private static readonly DateTimeOffset Now = DomainTestClock.Now;

    [Fact]
    public void ShouldAllowTheOwner_WhileTheHoldIsActive()
    {
        var hold = ActiveHold();

        Should.NotThrow(() => HoldCheckout.EnsureCanCheckOut(hold, Customer, hold.ExpiresAt.AddTicks(-1)));
    }

    [Fact]
    public void ShouldNotRevealSomeoneElsesHold()
    {
        var refusal = Should.Throw<DomainException>(() => HoldCheckout.EnsureCanCheckOut(ActiveHold(), OtherCustomer, Now));

        refusal.Code.ShouldBe("hold.not_found");
        refusal.Message.ShouldBe("선점 내역을 찾을 수 없습니다.");
    }

    [Fact]
    public void ShouldRefuse_OnceTheHoldHasRunOut()
    {
        var hold = ActiveHold();

        Should.Throw<DomainException>(() => HoldCheckout.EnsureCanCheckOut(hold, Customer, hold.ExpiresAt)).Code.ShouldBe("hold.expired");
    }

    [Fact]
    public void ShouldRefuse_AReleasedHold()
    {
        var hold = ActiveHold();
        hold.Release(Now);

        Should.Throw<DomainException>(() => HoldCheckout.EnsureCanCheckOut(hold, Customer, Now)).Code.ShouldBe("hold.released");
    }

    [Fact]
    public void ShouldRefuse_AHoldThatWasSweptAsExpired()
    {
        var hold = ActiveHold();
        hold.MarkExpired(hold.ExpiresAt);

        Should.Throw<DomainException>(() => HoldCheckout.EnsureCanCheckOut(hold, Customer, Now)).Code.ShouldBe("hold.expired");
    }

    [Fact]
    public void ShouldRefuse_AHoldAlreadyPaidFor()
    {
        var hold = ActiveHold();
        hold.ConvertTo(ReservationId, Now);

        Should.Throw<DomainException>(() => HoldCheckout.EnsureCanCheckOut(hold, Customer, Now)).Code.ShouldBe("hold.converted");
    }
}
