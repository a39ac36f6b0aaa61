using TicketBlue.Domain.Holds;

namespace TicketBlue.Infrastructure.Booking;

/// <summary>The failures of the hold path that are not the domain's own rules, in the customer's words.</summary>
internal static class HoldFailures
{
    public static readonly HoldFailure Busy = new("hold.busy", "지금 예매 요청이 몰려 처리하지 못했습니다. 잠시 후 다시 시도해 주세요.", []);

    public static readonly HoldFailure RoundNotFound = HoldFailure.From(Domain.Rounds.Round.NotFound());

    public static HoldFailure NotFound() => new("hold.not_found", "선점 내역을 찾을 수 없습니다.", []);

    public static HoldFailure Changed() => new("hold.changed", "선점 정보가 방금 바뀌었습니다. 화면을 새로 고쳐 주세요.", []);

    /// <summary>Someone else has these seats (or they are not for sale): named, so the customer knows which.</summary>
    public static HoldFailure Unavailable(IReadOnlyList<HeldSeat> lost)
    {
        var names = string.Join(", ", lost.Select(seat => $"{seat.Grade}석 {seat.Label}"));
        return new HoldFailure("seat.unavailable", $"{names} 좌석은 방금 다른 고객이 선택했거나 판매할 수 없는 좌석입니다. 다른 좌석을 선택해 주세요.", lost);
    }

    /// <summary>
    /// The customer's own live hold already has these seats (a second click, a retried request): named,
    /// so the customer knows they have them rather than that someone else does.
    /// </summary>
    public static HoldFailure HeldByYou(IReadOnlyList<HeldSeat> seats)
    {
        var names = string.Join(", ", seats.Select(seat => $"{seat.Grade}석 {seat.Label}"));
        return new HoldFailure("seat.held_by_you", $"{names} 좌석은 이미 선점하신 좌석입니다. 선점 내역에서 확인해 주세요.", seats);
    }

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
            return new HoldFailure("seat.not_found", "이 회차에 없는 좌석이 선택되었습니다. 화면을 새로 고친 뒤 다시 선택해 주세요.", []);
        }

        var lost = seats.Where(seat => seat.HoldId != hold.Id).ToList();
        return Taken(lost.Select(seat => seat.ToHeldSeat()).ToList(), lost.All(seat => seat.ToStatus().IsHeldBy(hold.UserId, now)));
    }
}
