using Microsoft.EntityFrameworkCore;
using Shouldly;
using TicketBlue.Domain.Coupons;
using TicketBlue.Domain.Booking;
using TicketBlue.Domain.Payments;
using TicketBlue.Domain.Reservations;
using TicketBlue.Domain.Rounds;
using TicketBlue.Tests.Fixtures;
using static TicketBlue.Tests.Infrastructure.Checkout.CheckoutScenario;

namespace TicketBlue.Tests.Infrastructure.Checkout;

/// <summary>Placing an order on real MariaDB: what is written, placing again, and what is refused.</summary>
[Trait("Category", "Integration")]
public sealed class PlaceOrderTests(BookingDatabase booking) : IClassFixture<BookingDatabase>
{
    [Fact]
    public async Task ShouldWriteTheReservationItsPaymentAndTheCouponUse_AndLeaveTheSeatsHeld()
    {
        var world = new CheckoutScenario(booking);
        var (catalog, seats) = await world.ShowAsync();
        var customer = (await world.CustomersAsync(1))[0];
        var r = seats.First(seat => seat.Grade.Code == "R");
        var s = seats.First(seat => seat.Grade.Code == "S");
        var hold = await world.HoldAsync(customer, catalog.Round.Id, r.Id, s.Id);
        var coupon = await world.CouponAsync(DiscountType.Percentage, 10);

        var result = await world.Checkout.PlaceOrderAsync(customer, hold.HoldId, coupon.Id, Cancel);

        result.Failure.ShouldBeNull();
        var order = result.Value!;
        order.Amount.ShouldBe(171_000);
        order.OrderName.ShouldBe("테스트 뮤지컬 R석 외 1매");
        order.Provider.ShouldBe(PaymentProvider.Demo);
        order.CustomerEmail.ShouldBe($"{customer}@test.kr");
        order.CustomerName.ShouldBe("테스트 고객");
        order.PayBefore.ShouldBe(hold.ExpiresAt);
        order.OrderId.Length.ShouldBeInRange(6, 64);

        await using var context = world.Context();
        var reservation = await context.Reservations.Include(item => item.Seats).SingleAsync(item => item.Id == order.ReservationId, Cancel);
        reservation.Number.ShouldBe(order.ReservationNumber);
        reservation.UserId.ShouldBe(customer);
        reservation.SeatHoldId.ShouldBe(hold.HoldId);
        reservation.Status.ShouldBe(ReservationStatus.PendingPayment);
        (reservation.Subtotal.Won, reservation.Discount.Won, reservation.Total.Won).ShouldBe((190_000L, 19_000L, 171_000L));
        reservation.CouponId.ShouldBe(coupon.Id);
        reservation.PaymentDueAt.ShouldBe(hold.ExpiresAt);
        reservation.Seats.Sum(seat => seat.DiscountShare.Won).ShouldBe(19_000);
        var payment = await context.Payments.SingleAsync(item => item.ReservationId == reservation.Id, Cancel);
        (payment.OrderId, payment.OrderName, payment.Amount.Won, payment.Status).ShouldBe((order.OrderId, order.OrderName, 171_000L, PaymentStatus.Ready));
        var redemption = await context.CouponRedemptions.SingleAsync(item => item.ReservationId == reservation.Id, Cancel);
        (redemption.CouponId, redemption.UserId, redemption.DiscountAmount.Won, redemption.Status).ShouldBe((coupon.Id, customer, 19_000L, CouponRedemptionStatus.Reserved));
        (await world.UsedQuantityAsync(coupon.Id)).ShouldBe(1);

        // The confirmation step sells the seats and converts the hold, not this one.
        var states = await context.RoundSeats.Where(seat => seat.Id == r.Id || seat.Id == s.Id).Select(seat => seat.State).ToListAsync(Cancel);
        states.ShouldAllBe(state => state == SeatState.Held);
        (await context.SeatHolds.SingleAsync(item => item.Id == hold.HoldId, Cancel)).Status.ShouldBe(SeatHoldStatus.Active);
    }

    [Fact]
    public async Task ShouldPlaceAFreeOrderForNoGateway_GivenACouponThatPaysTheWholeOrder()
    {
        var world = new CheckoutScenario(booking);
        var (catalog, seats) = await world.ShowAsync();
        var customer = (await world.CustomersAsync(1))[0];
        var hold = await world.HoldAsync(customer, catalog.Round.Id, seats.First(seat => seat.Grade.Code == "S").Id);
        var invitation = await world.CouponAsync(DiscountType.Percentage, 100);

        var result = await world.Checkout.PlaceOrderAsync(customer, hold.HoldId, invitation.Id, Cancel);

        var order = result.Value.ShouldNotBeNull();
        order.Amount.ShouldBe(0);
        order.Provider.ShouldBe(PaymentProvider.Free);
        await using var context = world.Context();
        var payment = await context.Payments.SingleAsync(item => item.ReservationId == order.ReservationId, Cancel);
        (payment.Provider, payment.Amount.Won, payment.Status).ShouldBe((PaymentProvider.Free, 0L, PaymentStatus.Ready));
    }

    [Fact]
    public async Task ShouldGiveTheSameOrderBack_WhenPlacedAgainUnchanged()
    {
        var world = new CheckoutScenario(booking);
        var (catalog, seats) = await world.ShowAsync();
        var customer = (await world.CustomersAsync(1))[0];
        var hold = await world.HoldAsync(customer, catalog.Round.Id, seats[0].Id);
        var coupon = await world.CouponAsync();

        var first = (await world.Checkout.PlaceOrderAsync(customer, hold.HoldId, coupon.Id, Cancel)).Value!;
        var again = (await world.Checkout.PlaceOrderAsync(customer, hold.HoldId, coupon.Id, Cancel)).Value!;

        again.ShouldBe(first);
        (await world.UsedQuantityAsync(coupon.Id)).ShouldBe(1);
        await using var context = world.Context();
        (await context.Reservations.CountAsync(item => item.SeatHoldId == hold.HoldId, Cancel)).ShouldBe(1);
        (await context.CouponRedemptions.CountAsync(item => item.CouponId == coupon.Id, Cancel)).ShouldBe(1);
    }

    [Fact]
    public async Task ShouldReplaceTheOrder_AndMoveTheCouponUse_WhenPlacedAgainWithAnotherCoupon()
    {
        var world = new CheckoutScenario(booking);
        var (catalog, seats) = await world.ShowAsync();
        var customer = (await world.CustomersAsync(1))[0];
        var hold = await world.HoldAsync(customer, catalog.Round.Id, seats[0].Id);
        var first = await world.CouponAsync(value: 10_000);
        var second = await world.CouponAsync(value: 20_000);

        var before = (await world.Checkout.PlaceOrderAsync(customer, hold.HoldId, first.Id, Cancel)).Value!;
        var after = (await world.Checkout.PlaceOrderAsync(customer, hold.HoldId, second.Id, Cancel)).Value!;

        after.Amount.ShouldBe(90_000);
        after.OrderId.ShouldNotBe(before.OrderId, "a payment window opened for the old order must not pay the new one");
        after.ReservationNumber.ShouldNotBe(before.ReservationNumber);
        (await world.UsedQuantityAsync(first.Id)).ShouldBe(0);
        (await world.UsedQuantityAsync(second.Id)).ShouldBe(1);
        await using var context = world.Context();
        (await context.Reservations.AnyAsync(item => item.Id == before.ReservationId, Cancel)).ShouldBeFalse();
        (await context.Payments.AnyAsync(item => item.OrderId == before.OrderId, Cancel)).ShouldBeFalse();
        var uses = await context.CouponRedemptions.Where(item => item.UserId == customer).ToListAsync(Cancel);
        uses.Select(use => (use.CouponId, use.ReservationId, use.Status)).ShouldBe([(second.Id, after.ReservationId, CouponRedemptionStatus.Reserved)]);

        var withoutCoupon = (await world.Checkout.PlaceOrderAsync(customer, hold.HoldId, null, Cancel)).Value!;

        withoutCoupon.Amount.ShouldBe(110_000);
        (await world.UsedQuantityAsync(second.Id)).ShouldBe(0);
        (await context.CouponRedemptions.CountAsync(item => item.UserId == customer, Cancel)).ShouldBe(0);
        (await context.Reservations.CountAsync(item => item.SeatHoldId == hold.HoldId, Cancel)).ShouldBe(1);
    }

    [Fact]
    public async Task ShouldRefuseACouponThatDoesNotApply_AndWriteNothing()
    {
        var world = new CheckoutScenario(booking);
        var (catalog, seats) = await world.ShowAsync();
        var customer = (await world.CustomersAsync(1))[0];
        var hold = await world.HoldAsync(customer, catalog.Round.Id, seats[0].Id);
        var bigSpend = await world.CouponAsync(minimumOrder: 500_000);
        var soldOut = await world.CouponAsync(totalQuantity: 1, alreadyUsed: 1);

        var tooSmall = await world.Checkout.PlaceOrderAsync(customer, hold.HoldId, bigSpend.Id, Cancel);
        var gone = await world.Checkout.PlaceOrderAsync(customer, hold.HoldId, soldOut.Id, Cancel);
        var unknown = await world.Checkout.PlaceOrderAsync(customer, hold.HoldId, long.MaxValue, Cancel);

        (tooSmall.Failure!.Code, tooSmall.Failure.Message).ShouldBe(("coupon.minimum_order", "500,000원 이상 주문 시 쓸 수 있는 쿠폰입니다."));
        (gone.Failure!.Code, gone.Failure.Message).ShouldBe(("coupon.sold_out", "쿠폰이 모두 소진되었습니다."));
        unknown.Failure!.Code.ShouldBe("coupon.not_found");
        await using var context = world.Context();
        (await context.Reservations.AnyAsync(item => item.SeatHoldId == hold.HoldId, Cancel)).ShouldBeFalse();
        (await world.UsedQuantityAsync(soldOut.Id)).ShouldBe(1);
    }

    [Fact]
    public async Task ShouldKeepTheEarlierOrder_WhenSwitchingToACouponThatRanOut()
    {
        var world = new CheckoutScenario(booking);
        var (catalog, seats) = await world.ShowAsync();
        var customer = (await world.CustomersAsync(1))[0];
        var hold = await world.HoldAsync(customer, catalog.Round.Id, seats[0].Id);
        var kept = await world.CouponAsync();
        var soldOut = await world.CouponAsync(totalQuantity: 1, alreadyUsed: 1);
        var before = (await world.Checkout.PlaceOrderAsync(customer, hold.HoldId, kept.Id, Cancel)).Value!;

        var refused = await world.Checkout.PlaceOrderAsync(customer, hold.HoldId, soldOut.Id, Cancel);

        refused.Failure!.Code.ShouldBe("coupon.sold_out");
        (await world.Checkout.PlaceOrderAsync(customer, hold.HoldId, kept.Id, Cancel)).Value.ShouldBe(before);
        (await world.UsedQuantityAsync(kept.Id)).ShouldBe(1);
    }

    [Fact]
    public async Task ShouldExpireAnOverdueOrderOnTheSameSeats_AndGiveItsCouponBack()
    {
        var world = new CheckoutScenario(booking);
        var (catalog, seats) = await world.ShowAsync();
        var customers = await world.CustomersAsync(2);
        var coupon = await world.CouponAsync();
        var abandonedHold = await world.HoldAsync(customers[0], catalog.Round.Id, seats[0].Id);
        var abandoned = (await world.Checkout.PlaceOrderAsync(customers[0], abandonedHold.HoldId, coupon.Id, Cancel)).Value!;
        world.Clock.SetUtcNow(abandonedHold.ExpiresAt.AddSeconds(1));
        var hold = await world.HoldAsync(customers[1], catalog.Round.Id, seats[0].Id);

        var result = await world.Checkout.PlaceOrderAsync(customers[1], hold.HoldId, null, Cancel);

        result.Failure.ShouldBeNull();
        await using var context = world.Context();
        (await context.Reservations.SingleAsync(item => item.Id == abandoned.ReservationId, Cancel)).Status.ShouldBe(ReservationStatus.Expired);
        (await context.CouponRedemptions.SingleAsync(item => item.ReservationId == abandoned.ReservationId, Cancel)).Status.ShouldBe(CouponRedemptionStatus.Released);
        (await world.UsedQuantityAsync(coupon.Id)).ShouldBe(0);
    }

    [Fact]
    public async Task ShouldNotCountAnUnpaidOrdersSeatsTwice_AgainstTheRoundsTicketLimit()
    {
        var world = new CheckoutScenario(booking);
        var (catalog, seats) = await world.ShowAsync();
        var customer = (await world.CustomersAsync(1))[0];
        var hold = await world.HoldAsync(customer, catalog.Round.Id, seats[0].Id, seats[1].Id);
        (await world.Checkout.PlaceOrderAsync(customer, hold.HoldId, null, Cancel)).Failure.ShouldBeNull();

        // The two held seats are also the unpaid order's seats: 2 of the round's 4, not 4 of 4.
        var more = await world.Holds.HoldAsync(customer, catalog.Round.Id, [seats[2].Id, seats[3].Id], Cancel);

        more.Failure.ShouldBeNull();
    }
    [Fact]
    public async Task ShouldEndTheUnpaidOrder_WhenItsHoldIsReleased_SoTheNextCustomerCanOrderTheSeats()
    {
        var world = new CheckoutScenario(booking);
        var (catalog, seats) = await world.ShowAsync();
        var customers = await world.CustomersAsync(2);
        var coupon = await world.CouponAsync();
        var firstHold = await world.HoldAsync(customers[0], catalog.Round.Id, seats[0].Id);
        var first = (await world.Checkout.PlaceOrderAsync(customers[0], firstHold.HoldId, coupon.Id, Cancel)).Value!;

        (await world.Holds.ReleaseAsync(customers[0], firstHold.HoldId, Cancel)).ShouldBeNull();
        var secondHold = await world.HoldAsync(customers[1], catalog.Round.Id, seats[0].Id);
        var second = await world.Checkout.PlaceOrderAsync(customers[1], secondHold.HoldId, null, Cancel);

        second.Failure.ShouldBeNull();
        await using var context = world.Context();
        (await context.Reservations.SingleAsync(item => item.Id == first.ReservationId, Cancel)).Status.ShouldBe(ReservationStatus.Cancelled);
        (await context.CouponRedemptions.SingleAsync(item => item.ReservationId == first.ReservationId, Cancel)).Status.ShouldBe(CouponRedemptionStatus.Released);
        (await world.UsedQuantityAsync(coupon.Id)).ShouldBe(0);
    }

    [Fact]
    public async Task ShouldRefuseToReleaseAHold_WhoseOrderIsBeingPaid()
    {
        var world = new CheckoutScenario(booking);
        var (catalog, seats) = await world.ShowAsync();
        var customer = (await world.CustomersAsync(1))[0];
        var hold = await world.HoldAsync(customer, catalog.Round.Id, seats[0].Id);
        var order = (await world.Checkout.PlaceOrderAsync(customer, hold.HoldId, null, Cancel)).Value!;
        await using (var paying = world.Context())
        {
            var payment = await paying.Payments.SingleAsync(item => item.OrderId == order.OrderId, Cancel);
            payment.BeginConfirmation("demo-key-in-flight", world.Clock.GetUtcNow());
            await paying.SaveChangesAsync(Cancel);
        }

        var refused = await world.Holds.ReleaseAsync(customer, hold.HoldId, Cancel);

        refused.ShouldNotBeNull().Code.ShouldBe("order.payment_in_progress");
        await using var context = world.Context();
        (await context.Reservations.SingleAsync(item => item.Id == order.ReservationId, Cancel)).Status.ShouldBe(ReservationStatus.PendingPayment);
        (await context.RoundSeats.SingleAsync(item => item.Id == seats[0].Id, Cancel)).State.ShouldBe(SeatState.Held);
    }
}
