namespace TicketBlue.Domain.Rounds;

/// <summary>
/// What a round has sold, counted by the caller when an admin changes the round, so that
/// <see cref="Round"/> decides what may still change: its start cannot move once a seat is held or
/// sold (customers bought a time), and it cannot be cancelled while it has sales.
/// </summary>
/// <param name="SoldSeats">Seats sold (<see cref="SeatState.Sold"/>).</param>
/// <param name="HeldSeats">Seats under a live hold (<see cref="RoundSeat.IsHeldAt"/>).</param>
/// <param name="OpenReservations">Reservations waiting for their payment or paid and not cancelled.</param>
public sealed record RoundSales(int SoldSeats, int HeldSeats, int OpenReservations)
{
    public static readonly RoundSales None = new(0, 0, 0);

    /// <summary>Seats some customer holds or bought: the round's start is theirs.</summary>
    public int SeatsTaken => SoldSeats + HeldSeats;

    /// <summary>Anything sold or being paid for: the round cannot simply be called off.</summary>
    public bool HasSales => SoldSeats > 0 || OpenReservations > 0;
}
