using TicketBlue.Domain.Booking;
using TicketBlue.Infrastructure.Localization;

namespace TicketBlue.Infrastructure.Booking;

/// <summary>The failures of the hold path that are not the domain's own rules; their words are in <see cref="ErrorTexts"/>.</summary>
internal static class HoldFailures
{
    public static readonly HoldFailure Busy = new("hold.busy", []);

    public static readonly HoldFailure RoundNotFound = HoldFailure.From(Domain.Rounds.Round.NotFound());

    public static HoldFailure NotFound() => new("hold.not_found", []);

    public static HoldFailure Changed() => new("hold.changed", []);

    /// <summary>Someone else has these seats (or they are not for sale): named, so the customer knows which.</summary>
    public static HoldFailure Unavailable(IReadOnlyList<HeldSeat> lost) =>
        new("seat.unavailable", lost) { Error = new ErrorText("seat.unavailable", new SeatNames(lost)) { Variant = "taken" } };

    /// <summary>
    /// The customer's own live hold already has these seats (a second click, a retried request): named,
    /// so the customer knows they have them rather than that someone else does.
    /// </summary>
    public static HoldFailure HeldByYou(IReadOnlyList<HeldSeat> seats) =>
        new("seat.held_by_you", seats) { Error = new ErrorText("seat.held_by_you", new SeatNames(seats)) };

    /// <summary>Seats the customer cannot have: <see cref="HeldByYou"/> when every one of them is their own live hold, otherwise <see cref="Unavailable"/>.</summary>
    public static HoldFailure Taken(IReadOnlyList<HeldSeat> seats, bool allHeldByTheCustomer) =>
        allHeldByTheCustomer ? HeldByYou(seats) : Unavailable(seats);

    /// <summary>
    /// Why a hold could not have all its seats, from the requested seats read back after the attempt:
    /// a seat not read back is not the round's; otherwise the seats owned by anyone else are named.
    /// </summary>
    public static HoldFailure Lost(IReadOnlyCollection<long> requested, IReadOnlyList<SeatRow> seats, SeatHold hold, DateTimeOffset now)
    {
        var known = seats.Select(seat => seat.Id).ToHashSet();
        if (requested.Any(id => !known.Contains(id)))
        {
            return new HoldFailure("seat.not_found", []);
        }

        var lost = seats.Where(seat => seat.HoldId != hold.Id).ToList();
        return Taken(lost.Select(seat => seat.ToHeldSeat()).ToList(), lost.All(seat => seat.ToStatus().IsHeldBy(hold.UserId, now)));
    }
}
