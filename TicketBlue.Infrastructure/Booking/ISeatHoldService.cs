namespace TicketBlue.Infrastructure.Booking;

/// <summary>
/// Taking, extending and releasing seat holds (좌석 선점). Every call is one short database
/// transaction; all seats of a hold are taken together or none. After a change commits, every open
/// seat map of the round (on every node) is told through <see cref="IRoundSeatFeed"/>.
/// </summary>
public interface ISeatHoldService
{
    /// <summary>Holds all <paramref name="roundSeatIds"/> for the customer, or none with the reason and the seats lost.</summary>
    Task<HoldResult> HoldAsync(string userId, long roundId, IReadOnlyCollection<long> roundSeatIds, CancellationToken cancellationToken);

    /// <summary>Extends the customer's active hold once more, within the round's hold policy.</summary>
    Task<HoldResult> ExtendAsync(string userId, Guid holdId, CancellationToken cancellationToken);

    /// <summary>Gives the seats back. Returns null when released, or why not (not the owner's, already ended).</summary>
    Task<HoldFailure?> ReleaseAsync(string userId, Guid holdId, CancellationToken cancellationToken);

    /// <summary>The customer's holds still running now, newest first, optionally for one round.</summary>
    Task<IReadOnlyList<HoldView>> ActiveHoldsAsync(string userId, long? roundId, CancellationToken cancellationToken);

    /// <summary>
    /// Seats the customer has bought in the round and still owns (paid, or being paid after their hold
    /// was converted): with their live holds, what the per-customer ticket limit counts.
    /// </summary>
    Task<int> SeatsBoughtAsync(string userId, long roundId, CancellationToken cancellationToken);
}
