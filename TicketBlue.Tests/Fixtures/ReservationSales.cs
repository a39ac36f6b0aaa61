using Microsoft.EntityFrameworkCore;
using TicketBlue.Domain.Common;
using TicketBlue.Domain.Booking;
using TicketBlue.Domain.Performances;
using TicketBlue.Domain.Payments;
using TicketBlue.Domain.Reservations;
using TicketBlue.Infrastructure.Persistence;

namespace TicketBlue.Tests.Fixtures;

/// <summary>A sale saved as checkout will save it: the reservation, its seats and (when paid) its approved payment.</summary>
public sealed record ReservationSale(long ReservationId, string Number, long PerformanceId, DateTimeOffset RoundStartsAt, IReadOnlyList<long> SeatIds, IReadOnlyList<long> RoundSeatIds);

/// <summary>
/// Builds reservations through the domain model on a migrated test database: a fresh show and round
/// (<see cref="TestCatalog"/>) made at <c>at</c> (its round starts 7 days later), seats held, the
/// reservation created from the hold, seats sold, then confirmed and paid unless told otherwise.
/// </summary>
public static class ReservationSales
{
    public static async Task<ReservationSale> SellAsync(MariaDbDatabase database, string userId, DateTimeOffset at, int seatCount = 2, bool paid = true)
    {
        await using var context = database.CreateContext();
        return await SellAsync(context, userId, at, seatCount, paid);
    }

    /// <summary>The same sale through a context the caller made, e.g. a running app's own (its cache invalidation included).</summary>
    public static async Task<ReservationSale> SellAsync(TicketBlueDbContext context, string userId, DateTimeOffset at, int seatCount = 2, bool paid = true)
    {
        var catalog = await TestCatalog.CreateAsync(context, at);
        var roundSeats = await context.RoundSeats.Where(seat => seat.RoundId == catalog.Round.Id).OrderBy(seat => seat.Id).Take(seatCount).ToListAsync();

        var hold = SeatHold.Start(catalog.Round, PerformanceStatus.Published, new HoldCustomer(userId, EmailConfirmed: true), roundSeats.Select(seat => seat.Id).ToList(), 0, at);
        foreach (var seat in roundSeats)
        {
            seat.Hold(hold.Id, userId, hold.ExpiresAt, at);
        }

        context.SeatHolds.Add(hold);
        await context.SaveChangesAsync();

        var lines = roundSeats.Select((seat, index) => new ReservedSeatLine(seat.Id, $"1층 A구역 1열 {index + 1}번", seat.Grade, seat.Price)).ToList();
        var reservation = Reservation.CreateFromHold(hold, catalog.Performance.Id, lines, null, Money.Zero, ReservationNumber.New(at), at);
        context.Reservations.Add(reservation);
        await context.SaveChangesAsync();

        hold.ConvertTo(reservation.Id, at);
        foreach (var seat in roundSeats)
        {
            seat.Sell(hold.Id, reservation.Id, at);
        }

        if (paid)
        {
            var payment = Payment.Create(reservation.Id, $"order-{reservation.Number}", catalog.Performance.Title, PaymentProvider.Demo, reservation.Total, at);
            payment.Approve(new GatewayApproval($"demo-{reservation.Number}", "카드", reservation.Total, null, null, at, at.AddSeconds(5), null));
            context.Payments.Add(payment);
            reservation.Confirm(at.AddSeconds(5));
        }

        await context.SaveChangesAsync();
        var seats = reservation.Seats.OrderBy(seat => seat.Id).ToList();
        return new ReservationSale(
            reservation.Id,
            reservation.Number,
            catalog.Performance.Id,
            catalog.Round.StartsAt,
            seats.Select(seat => seat.Id).ToList(),
            seats.Select(seat => seat.RoundSeatId).ToList());
    }
}
