using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Shouldly;
using TicketBlue.Domain.Common;
using TicketBlue.Domain.Booking;
using TicketBlue.Infrastructure.Booking;
using TicketBlue.Infrastructure.Checkout;
using TicketBlue.Tests.Fixtures;
using TicketBlue.Tests.Infrastructure.Checkout;

namespace TicketBlue.Tests.Infrastructure.Booking;

/// <summary>
/// The per-customer count of owned seats has one definition (<see cref="OwnedSeats"/>); the hold batch's
/// lock-and-count SQL and the seat map's count of bought seats run here on the same MariaDB rows and must
/// say what it says: a paid order with one seat returned, an unpaid order (its seat counts once, as held),
/// a live hold, a hold running out exactly now, and another customer's hold.
/// </summary>
[Trait("Category", "Integration")]
public sealed class OwnedSeatsSqlTests(BookingDatabase booking) : IClassFixture<BookingDatabase>, IAsyncDisposable
{
    private readonly CheckoutHarness _checkout = new(booking);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public ValueTask DisposeAsync() => _checkout.DisposeAsync();

    [Fact]
    public async Task ShouldCountWhatTheDomainCounts_InTheHoldBatchAndTheSeatMap()
    {
        var (roundId, seats) = await _checkout.CreateRoundAsync();
        var customers = await booking.CreateCustomersAsync(2);
        var (me, other) = (customers[0], customers[1]);

        var paid = await _checkout.PlaceOrderAsync(me, roundId, [seats[0], seats[1]]);
        (await _checkout.NewConfirmationService().ConfirmAsync(me, new PaymentConfirmation(paid.PaymentKey, paid.OrderId, paid.Amount), Ct)).Succeeded.ShouldBeTrue();
        await ReturnSeatAsync(paid.ReservationId, seats[1]);
        await _checkout.PlaceOrderAsync(me, roundId, [seats[2]]);
        (await _checkout.Holds.HoldAsync(me, roundId, [seats[3]], Ct)).Hold.ShouldNotBeNull();
        (await _checkout.Holds.HoldAsync(other, roundId, [seats[5]], Ct)).Hold.ShouldNotBeNull();

        // Counted a minute later, when a hold of mine on seat 4 runs out exactly: it no longer counts.
        var now = _checkout.Clock.GetUtcNow().AddMinutes(1);
        await using (var context = booking.Database.CreateContext())
        {
            await context.Database.ExecuteSqlAsync($"UPDATE RoundSeats SET State = 'Held', HoldId = {Guid.NewGuid().ToString()}, HeldByUserId = {me}, HoldExpiresAt = {now.UtcDateTime} WHERE Id = {seats[4]}", Ct);
        }

        var (mine, theirs, bought) = await DomainCountsAsync(roundId, me, other, now);
        mine.ShouldBe(3, "seat 0 bought, seat 2 (unpaid order) and seat 3 held; seat 1 returned, seat 4's hold over");
        theirs.ShouldBe(1);
        bought.ShouldBe(1);

        var counted = await CountedByHoldBatchAsync([me, other], roundId, now);
        counted.OwnedBy(me, roundId).ShouldBe(mine);
        counted.OwnedBy(other, roundId).ShouldBe(theirs);
        (await _checkout.Holds.SeatsBoughtAsync(me, roundId, Ct)).ShouldBe(bought);
    }

    private async Task ReturnSeatAsync(long reservationId, long roundSeatId)
    {
        await using var context = booking.Database.CreateContext();
        var reservation = await context.Reservations.Include(candidate => candidate.Seats).SingleAsync(candidate => candidate.Id == reservationId, Ct);
        reservation.CancelSeats(new Dictionary<long, Money> { [roundSeatId] = Money.Zero }, "일정 변경", _checkout.Clock.GetUtcNow());
        await context.SaveChangesAsync(Ct);
    }

    private async Task<(int Mine, int Theirs, int Bought)> DomainCountsAsync(long roundId, string me, string other, DateTimeOffset now)
    {
        await using var context = booking.Database.CreateContext();
        var roundSeats = await context.RoundSeats.AsNoTracking().Where(seat => seat.RoundId == roundId).ToListAsync(Ct);
        var reservations = await context.Reservations.AsNoTracking().Include(reservation => reservation.Seats).Where(reservation => reservation.RoundId == roundId).ToListAsync(Ct);
        return (
            OwnedSeats.Count(me, roundId, roundSeats, reservations, now),
            OwnedSeats.Count(other, roundId, roundSeats, reservations, now),
            reservations.Where(reservation => reservation.UserId == me).Sum(OwnedSeats.Bought));
    }

    private async Task<CustomerSeats> CountedByHoldBatchAsync(IReadOnlyCollection<string> users, long roundId, DateTimeOffset now)
    {
        await using var context = booking.Database.CreateContext();
        await using var transaction = await context.Database.BeginTransactionAsync(Ct);
        var counted = await HoldBatchStatements.LockCustomersAndCountOwnedAsync(context.Database.GetDbConnection(), transaction.GetDbTransaction(), users, [roundId], now, Ct);
        await transaction.RollbackAsync(Ct);
        return counted;
    }
}
