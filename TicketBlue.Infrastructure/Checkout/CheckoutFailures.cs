using TicketBlue.Domain.Payments;
using TicketBlue.Infrastructure.Booking;
using TicketBlue.Infrastructure.Localization;
using TicketBlue.Infrastructure.Payments;

namespace TicketBlue.Infrastructure.Checkout;

/// <summary>The confirmation's own failures, with their stable codes; their words are in <see cref="ErrorTexts"/>.</summary>
internal static class CheckoutFailures
{
    public const string AutoCancelReason = "좌석 판매 불가로 자동 취소";

    public static CheckoutFailure NotFound() => new("payment.not_found", []);

    public static CheckoutFailure InProgress() => new("payment.in_progress", []);

    public static CheckoutFailure UnknownOutcome() => new("payment.unknown_outcome", []);

    /// <summary>The gateway refused: the customer is told our sentence for its code, never the gateway's text.</summary>
    public static CheckoutFailure Rejected(GatewayFailure failure) =>
        new("payment.rejected", []) { Error = PaymentFailureTexts.Error(failure.Code, failure.Kind) };

    /// <summary>The payment key confirmed belongs to another order or amount: nothing of this order was charged.</summary>
    public static CheckoutFailure KeyOfAnotherPayment() => new("payment.key_mismatch", []);

    public static CheckoutFailure NotPayable() => new("payment.state", []);

    /// <summary>A failure redirect for a payment that is already settled.</summary>
    public static CheckoutFailure AlreadyProcessed() => new("payment.state", []) { Error = new ErrorText("payment.state") { Variant = "processed" } };

    /// <summary>Another payment key for an order that is already paid.</summary>
    public static CheckoutFailure AlreadyPaid() => new("payment.state", []) { Error = new ErrorText("payment.state") { Variant = "paid" } };

    /// <summary>Seats lost before the charge: nothing was paid.</summary>
    public static CheckoutFailure SeatsLostBeforeCharge(IReadOnlyList<HeldSeat> lost) =>
        new("checkout.seat_lost", lost) { Error = new ErrorText("checkout.seat_lost", new SeatNames(lost)) };

    /// <summary>Seats lost between the charge and the sale: the payment is cancelled in full.</summary>
    public static CheckoutFailure SeatsLostAfterCharge(IReadOnlyList<HeldSeat> lost) =>
        new("checkout.seat_lost", lost) { Error = new ErrorText("checkout.seat_lost", new SeatNames(lost)) { Variant = "refunded" } };

    /// <summary>The show was taken down between the charge and the sale: the answer of an unknown round, and the payment cancelled in full.</summary>
    public static CheckoutFailure RoundGoneAfterCharge() =>
        new(Domain.Rounds.Round.NotFound().Code, []) { Error = new ErrorText(Domain.Rounds.Round.NotFound().Code) { Variant = "refunded" } };
}
