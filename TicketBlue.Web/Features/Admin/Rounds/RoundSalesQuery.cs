using Microsoft.EntityFrameworkCore;
using TicketBlue.Domain.Reservations;
using TicketBlue.Domain.Rounds;
using TicketBlue.Infrastructure.Persistence;

namespace TicketBlue.Web.Features.Admin.Rounds;

/// <summary>Counts what a round has sold (<see cref="RoundSales"/>) for the round's own rules to decide on.</summary>
internal static class RoundSalesQuery
{
    public static async Task<RoundSales> CountAsync(TicketBlueDbContext context, long roundId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var seats = context.RoundSeats.Where(seat => seat.RoundId == roundId);
        var sold = await seats.CountAsync(seat => seat.State == SeatState.Sold, cancellationToken);
        var held = await seats.Where(RoundSeat.HeldAt(now)).CountAsync(cancellationToken);
        var open = await context.Reservations.CountAsync(
            reservation => reservation.RoundId == roundId && (reservation.Status == ReservationStatus.PendingPayment || reservation.Status == ReservationStatus.Confirmed),
            cancellationToken);
        return new RoundSales(sold, held, open);
    }
}
