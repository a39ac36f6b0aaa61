using TicketBlue.Domain.Reservations;
using TicketBlue.Domain.Rounds;

namespace TicketBlue.Domain.Booking;

/// <summary>
/// How many seats of a round a customer already has — what the per-customer limit counts
/// (<see cref="SeatHold.SeatsLeft"/>): the seats under their live holds, plus the active seats of their
/// reservations that are not waiting for a payment. An unpaid order's seats are still its hold's seats,
/// so they count once, as held; once that hold has run out they count for nothing. The hold batch's SQL
/// (<c>HoldBatchStatements.LockCustomersAndCountOwnedAsync</c>) and the seat map's count of bought seats
/// (<c>SeatHoldService.SeatsBoughtAsync</c>) run against this in <c>OwnedSeatsSqlTests</c>.
/// </summary>
public static class OwnedSeats
{
    /// <summary>A seat under a live hold of this customer.</summary>
    public static bool IsHeldBy(RoundSeat seat, string userId, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(seat);
        return seat.IsHeldAt(now) && string.Equals(seat.HeldByUserId, userId, StringComparison.Ordinal);
    }

    /// <summary>The seats a reservation counts as bought: its active seats, unless it still waits for its payment.</summary>
    public static int Bought(Reservation reservation)
    {
        ArgumentNullException.ThrowIfNull(reservation);
        return reservation.Status == ReservationStatus.PendingPayment ? 0 : reservation.Seats.Count(seat => seat.ActiveRoundSeatId is not null);
    }

    /// <summary>The seats <paramref name="userId"/> has in round <paramref name="roundId"/> at <paramref name="now"/>, held or bought.</summary>
    public static int Count(string userId, long roundId, IEnumerable<RoundSeat> roundSeats, IEnumerable<Reservation> reservations, DateTimeOffset now) =>
        roundSeats.Count(seat => seat.RoundId == roundId && IsHeldBy(seat, userId, now))
        + reservations.Where(reservation => reservation.RoundId == roundId && string.Equals(reservation.UserId, userId, StringComparison.Ordinal)).Sum(Bought);
}
