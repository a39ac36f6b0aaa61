using Microsoft.EntityFrameworkCore;
using Shouldly;
using TicketBlue.Domain.Common;
using TicketBlue.Domain.Booking;
using TicketBlue.Domain.Performances;
using TicketBlue.Domain.Payments;
using TicketBlue.Domain.Reservations;
using TicketBlue.Infrastructure.Accounts;
using TicketBlue.Tests.Web.Features.Catalog;
using TicketBlue.Web.Features.Checkout;

namespace TicketBlue.Tests.Infrastructure.Checkout;

/// <summary>The payment pages read the order from the database: the owner's order only, payable until its deadline.</summary>
[Trait("Category", "Integration")]
public sealed class GetPendingOrderTests : CatalogDatabaseTest
{
    private const string Owner = "user-owner";
    private const string OrderId = "TBpendingorder0001";

    [Fact]
    public async Task ShouldGiveTheOwnerTheStoredAmountAndHold_GivenAnOrderWaitingForPayment()
    {
        var (reservation, holdId) = await PlaceOrderAsync();

        var order = await Handler().HandleAsync(Owner, OrderId, Cancellation);

        order.ShouldNotBeNull();
        order.ShouldBe(new PendingOrder(OrderId, "테스트 뮤지컬 2매", 220_000, PaymentProvider.Demo, reservation.Id, holdId, reservation.PaymentDueAt, IsPayable: true, "김민지", "minji@example.com"));
    }

    [Fact]
    public async Task ShouldFindNothing_GivenAnotherCustomersOrder()
    {
        await PlaceOrderAsync();

        (await Handler().HandleAsync("user-someone-else", OrderId, Cancellation)).ShouldBeNull();
        (await Handler().HandleAsync(Owner, "TBnosuchorder", Cancellation)).ShouldBeNull();
    }

    [Fact]
    public async Task ShouldNotBePayable_GivenThePaymentDeadlineHasPassed()
    {
        var (reservation, _) = await PlaceOrderAsync();
        Clock.SetUtcNow(reservation.PaymentDueAt);

        var order = await Handler().HandleAsync(Owner, OrderId, Cancellation);

        order!.IsPayable.ShouldBeFalse();
    }

    private GetPendingOrderHandler Handler() => new(ContextFactory, Clock);

    private async Task<(Reservation Reservation, Guid HoldId)> PlaceOrderAsync()
    {
        var catalog = await CreateCatalogAsync();
        await using var context = CreateContext();
        context.Users.Add(new ApplicationUser { Id = Owner, UserName = "minji@example.com", Email = "minji@example.com", DisplayName = "김민지" });
        var seats = await context.RoundSeats.Where(seat => seat.RoundId == catalog.Round.Id).OrderBy(seat => seat.Id).Take(2).ToListAsync(Cancellation);
        var hold = SeatHold.Start(catalog.Round, PerformanceStatus.Published, new HoldCustomer(Owner, EmailConfirmed: true), seats.Select(seat => seat.Id).ToList(), 0, Now);
        foreach (var seat in seats)
        {
            seat.Hold(hold.Id, Owner, hold.ExpiresAt, Now);
        }

        context.SeatHolds.Add(hold);
        await context.SaveChangesAsync(Cancellation);

        var lines = seats.Select(seat => new ReservedSeatLine(seat.Id, $"1층 A구역 1열 {seat.SeatId}번", seat.Grade, seat.Price)).ToList();
        var reservation = Reservation.CreateFromHold(hold, catalog.Performance.Id, lines, null, Money.Zero, ReservationNumber.New(Now), Now);
        context.Reservations.Add(reservation);
        await context.SaveChangesAsync(Cancellation);
        context.Payments.Add(Payment.Create(reservation.Id, OrderId, "테스트 뮤지컬 2매", PaymentProvider.Demo, reservation.Total, Now));
        await context.SaveChangesAsync(Cancellation);
        return (reservation, hold.Id);
    }
}
