using TicketBlue.Domain.Common;
using TicketBlue.Domain.Reservations;

namespace TicketBlue.Domain.Checkout;

/// <summary>How an order is named to the payment gateway: its order id and the order name on the payment window.</summary>
public static class OrderNaming
{
    /// <summary>Toss's limit on an order name.</summary>
    public const int MaxNameLength = 100;

    /// <summary>
    /// A new order id for a reservation: its number plus a random part, 49 characters of
    /// [A-Z0-9a-f-] (Toss: 6–64 of letters, digits, '-', '_'). Every placed order gets a new one, so a
    /// payment window opened for an order that was replaced can never confirm its successor.
    /// </summary>
    public static string NewOrderId(string reservationNumber)
    {
        var number = Guard.NotBlank(reservationNumber, "reservation.number", "예매 번호가 없습니다.", 20);
        return $"{number}-{Guid.NewGuid():N}";
    }

    /// <summary>"레미제라블 R석 1매", or "레미제라블 R석 외 1매" for two seats: the dearest seat's grade, then the count.</summary>
    public static string Name(string performanceTitle, IReadOnlyList<ReservedSeatLine> seats)
    {
        ArgumentNullException.ThrowIfNull(seats);
        if (seats.Count == 0)
        {
            throw new DomainException("checkout.empty", "주문할 좌석이 없습니다.");
        }

        var title = Guard.NotBlank(performanceTitle, "checkout.title", "공연 이름이 없습니다.", 1000);
        var first = seats.OrderByDescending(seat => seat.Price).ThenBy(seat => seat.RoundSeatId).First();
        var suffix = seats.Count == 1 ? $" {first.Grade}석 1매" : $" {first.Grade}석 외 {seats.Count - 1}매";
        var room = MaxNameLength - suffix.Length;
        if (title.Length > room)
        {
            title = string.Concat(title.AsSpan(0, room - 1), "…");
        }

        return title + suffix;
    }
}
