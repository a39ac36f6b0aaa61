using Shouldly;
using TicketBlue.Domain.Checkout;
using TicketBlue.Domain.Common;
using static TicketBlue.Tests.Domain.Builders;

namespace TicketBlue.Tests.Domain.Checkout;

[Trait("Category", "Unit")]
public sealed class OrderNamingTests
{
    [Fact]
    public void ShouldNameOneSeatByItsGrade()
    {
        OrderNaming.Name("레미제라블", [Line(1, 80_000, R)]).ShouldBe("레미제라블 R석 1매");
    }

    [Fact]
    public void ShouldNameTheDearestSeatAndCountTheRest()
    {
        OrderNaming.Name("레미제라블", [Line(1, 80_000, R), Line(2, 110_000), Line(3, 80_000, R)]).ShouldBe("레미제라블 VIP석 외 2매");
    }

    [Fact]
    public void ShouldShortenALongTitle_SoTheNameFitsTheGatewaysLimit()
    {
        var name = OrderNaming.Name(new string('가', 300), TwoVipLines());

        name.Length.ShouldBe(OrderNaming.MaxNameLength);
        name.ShouldEndWith("… VIP석 외 1매");
    }

    [Fact]
    public void ShouldRefuse_GivenNoSeats()
    {
        Should.Throw<DomainException>(() => OrderNaming.Name("레미제라블", [])).Code.ShouldBe("checkout.empty");
    }

    [Fact]
    public void ShouldMakeADifferentGatewaySafeOrderIdEachTime()
    {
        var first = OrderNaming.NewOrderId(ReservationNo);
        var second = OrderNaming.NewOrderId(ReservationNo);

        first.ShouldNotBe(second);
        first.ShouldStartWith(ReservationNo + "-");
        first.Length.ShouldBeInRange(6, 64);
        first.ShouldAllBe(ch => char.IsAsciiLetterOrDigit(ch) || ch == '-' || ch == '_');
    }
}
