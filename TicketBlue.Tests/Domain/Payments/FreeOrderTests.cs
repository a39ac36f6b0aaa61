using Shouldly;
using TicketBlue.Domain.Common;
using TicketBlue.Domain.Payments;

namespace TicketBlue.Tests.Domain.Payments;

/// <summary>An order a coupon pays in full goes through no gateway, and only such an order does.</summary>
public sealed class FreeOrderTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 1, 10, 0, 0, TimeSpan.Zero);

    [Fact]
    public void ShouldCreateAFreePayment_GivenNothingToPay()
    {
        var payment = Payment.Create(1, "TB0001-1", "레미제라블 R석 1매", PaymentProvider.Free, Money.Zero, Now);

        (payment.Provider, payment.Amount, payment.Status).ShouldBe((PaymentProvider.Free, Money.Zero, PaymentStatus.Ready));
    }

    [Fact]
    public void ShouldRefuseAFreePayment_GivenSomethingToPay()
    {
        var refusal = Should.Throw<DomainException>(() => Payment.Create(1, "TB0001-1", "레미제라블 R석 1매", PaymentProvider.Free, Money.FromWon(1_000), Now));

        refusal.Code.ShouldBe("payment.free_order");
    }

    [Theory]
    [InlineData(PaymentProvider.Toss)]
    [InlineData(PaymentProvider.Demo)]
    public void ShouldRefuseAGatewayPayment_GivenNothingToPay(PaymentProvider provider)
    {
        var refusal = Should.Throw<DomainException>(() => Payment.Create(1, "TB0001-1", "레미제라블 R석 1매", provider, Money.Zero, Now));

        refusal.Code.ShouldBe("payment.free_order");
        refusal.Message.ShouldBe("결제 금액이 0원인 주문은 결제 없이 확정됩니다.");
    }

    [Fact]
    public void ShouldMakeOneKeyPerOrderAndKnowItsOrder_GivenAnOrderId()
    {
        var key = FreeOrder.PaymentKey("TB0001-1");

        key.ShouldBe(FreeOrder.PaymentKey("TB0001-1"));
        FreeOrder.IsKeyOf(key, "TB0001-1").ShouldBeTrue();
        FreeOrder.IsKeyOf(key, "TB0001-2").ShouldBeFalse();
        FreeOrder.IsKey(key).ShouldBeTrue();
        FreeOrder.OrderIdOf(key).ShouldBe("TB0001-1");
    }

    [Theory]
    [InlineData(null)]
    [InlineData("tgen_20261201abc")]
    [InlineData("TB0001-1")]
    public void ShouldNotTakeAGatewaysKeyForAFreeOne_GivenAnyOtherKey(string? key)
    {
        FreeOrder.IsKey(key).ShouldBeFalse();
        FreeOrder.IsKeyOf(key, "TB0001-1").ShouldBeFalse();
    }
}
