using TicketBlue.Domain.Common;
using TicketBlue.Domain.Payments;
using TicketBlue.Domain.Reservations;

namespace TicketBlue.Infrastructure.Checkout;

/// <summary>
/// An order whose confirmation this node has claimed (payment InProgress with its key): what the steps
/// after the claim need, carried between their short transactions and the gateway call.
/// </summary>
internal sealed record ClaimedOrder(
    long PaymentId,
    long ReservationId,
    string ReservationNumber,
    string UserId,
    string OrderId,
    string PaymentKey,
    Money Amount,
    long RoundId,
    Guid HoldId,
    IReadOnlyList<long> RoundSeatIds)
{
    /// <summary>The gateway replays its first answer to this key: a retried confirm never charges twice.</summary>
    public string ConfirmKey => $"confirm-{OrderId}";

    public string CancelKey => $"cancel-{OrderId}";

    public static ClaimedOrder Of(Payment payment, Reservation reservation) => new(
        payment.Id,
        reservation.Id,
        reservation.Number,
        reservation.UserId,
        payment.OrderId,
        payment.PaymentKey ?? throw new InvalidOperationException($"Payment {payment.Id} has no key."),
        payment.Amount,
        reservation.RoundId,
        reservation.SeatHoldId,
        reservation.Seats.Select(seat => seat.RoundSeatId).ToList());
}
