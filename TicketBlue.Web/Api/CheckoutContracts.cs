using TicketBlue.Infrastructure.Reservations;
using TicketBlue.Infrastructure.Checkout;

namespace TicketBlue.Web.Api;

/// <summary>Places the order for one of the caller's holds, with one of their coupons or none.</summary>
public sealed record PlaceOrderRequest(Guid? HoldId, long? CouponId);

/// <summary>An order waiting for payment: pay <c>amount</c> won for <c>orderId</c> before <c>payBefore</c> through <c>provider</c>.</summary>
public sealed record OrderResponse(
    long ReservationId,
    string ReservationNumber,
    string OrderId,
    string OrderName,
    long Amount,
    string Provider,
    DateTimeOffset PayBefore)
{
    public static OrderResponse From(PlacedOrder order) => new(
        order.ReservationId, order.ReservationNumber, order.OrderId, order.OrderName, order.Amount, order.Provider.ToString(), order.PayBefore);
}

/// <summary>What the gateway's success redirect carried (Toss: paymentKey, orderId, amount).</summary>
public sealed record ConfirmPaymentRequest(string? PaymentKey, string? OrderId, long? Amount);

/// <summary>The paid reservation; <c>alreadyConfirmed</c> is true when it had been confirmed before.</summary>
public sealed record ConfirmedReservationResponse(long ReservationId, string ReservationNumber, bool AlreadyConfirmed)
{
    public static ConfirmedReservationResponse From(ConfirmedReservation reservation) =>
        new(reservation.ReservationId, reservation.ReservationNumber, reservation.AlreadyConfirmed);
}

/// <summary>Cancels some seats (<c>roundSeatIds</c>) or, without them, every seat still active; <c>reason</c> is required.</summary>
public sealed record CancelReservationRequest(IReadOnlyList<long>? RoundSeatIds, string? Reason);

/// <summary>A carried-out cancellation: the seats returned, the won refunded, and whether the whole reservation is now cancelled.</summary>
public sealed record CancellationResponse(long ReservationId, IReadOnlyList<long> ReturnedRoundSeatIds, long Refunded, bool ReservationCancelled)
{
    public static CancellationResponse From(CancellationOutcome outcome) =>
        new(outcome.ReservationId, outcome.ReturnedRoundSeatIds, outcome.Refunded, outcome.ReservationCancelled);
}

/// <summary>What cancelling would refund now, per seat; <c>allowed</c> false with <c>refusalCode</c> when it may not be cancelled.</summary>
public sealed record RefundQuoteResponse(
    long ReservationId,
    IReadOnlyList<RefundLineResponse> Lines,
    long Paid,
    long Fee,
    long Refund,
    string FeeRule,
    DateTimeOffset CancellableUntil,
    bool WholeReservation,
    bool Allowed,
    string? RefusalCode,
    string? RefusalMessage)
{
    /// <summary>The quote for the API, <paramref name="feeRule"/> being its fee rule in the request's language.</summary>
    public static RefundQuoteResponse From(RefundQuote quote, string feeRule) => new(
        quote.ReservationId,
        quote.Lines.Select(line => new RefundLineResponse(line.RoundSeatId, line.SeatLabel, line.Grade, line.Paid, line.Fee, line.Refund)).ToList(),
        quote.Paid,
        quote.Fee,
        quote.Refund,
        feeRule,
        quote.CancellableUntil,
        quote.WholeReservation,
        quote.Allowed,
        quote.RefusalCode,
        quote.RefusalMessage);
}

/// <summary>One seat of a refund quote: what was paid, the fee kept and the refund, in won.</summary>
public sealed record RefundLineResponse(long RoundSeatId, string SeatLabel, string Grade, long Paid, long Fee, long Refund);
