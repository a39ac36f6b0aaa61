using Shouldly;
using TicketBlue.Infrastructure.Booking;
using TicketBlue.Infrastructure.Checkout;
using TicketBlue.Web.Api;

namespace TicketBlue.Tests.Infrastructure.Checkout;

/// <summary>The HTTP status a checkout or cancellation failure is answered with.</summary>
[Trait("Category", "Unit")]
public sealed class CheckoutProblemStatusTests
{
    [Theory]
    [InlineData("hold.not_found", 404)]
    [InlineData("reservation.not_found", 404)]
    [InlineData("hold.expired", 409)]
    [InlineData("reservation.already_confirmed", 409)]
    [InlineData("payment.unknown_outcome", 503)]
    [InlineData("hold.busy", 503)]
    [InlineData("coupon.minimum_order", 422)]
    [InlineData("payment.amount_mismatch", 422)]
    public void ShouldAnswerWithTheStatusForTheCode(string code, int status) =>
        CheckoutProblems.StatusOf(new CheckoutFailure(code, [])).ShouldBe(status);

    [Fact]
    public void ShouldAnswer409_GivenSeatsLostToSomeoneElseWhateverTheCode() =>
        CheckoutProblems.StatusOf(new CheckoutFailure("payment.cancelled_seats_sold", [new HeldSeat(1, "1층 A구역 1열 1번", "R", 1000)]))
            .ShouldBe(409);
}
