using TicketBlue.Infrastructure.Booking;

namespace TicketBlue.Infrastructure.Checkout;

/// <summary>The confirmation's own failures, with their stable codes and the Korean sentences customers see.</summary>
internal static class CheckoutFailures
{
    public const string AutoCancelReason = "좌석 판매 불가로 자동 취소";

    public static CheckoutFailure NotFound() => new("payment.not_found", "주문 정보를 찾을 수 없습니다.", []);

    public static CheckoutFailure InProgress() =>
        new("payment.in_progress", "결제를 확인하고 있습니다. 잠시 후 예매 내역에서 결과를 확인해 주세요.", []);

    public static CheckoutFailure UnknownOutcome() =>
        new("payment.unknown_outcome", "결제 확인 중입니다. 결과가 확인되면 알려 드릴게요. 잠시 후 예매 내역에서 확인해 주세요.", []);

    public static CheckoutFailure Rejected(string message) => new("payment.rejected", message, []);

    /// <summary>The payment key confirmed belongs to another order or amount: nothing of this order was charged.</summary>
    public static CheckoutFailure KeyOfAnotherPayment() =>
        new("payment.key_mismatch", "결제 정보가 이 주문과 일치하지 않아 승인하지 않았습니다. 결제를 다시 진행해 주세요.", []);

    public static CheckoutFailure NotPayable() => new("payment.state", "결제할 수 없는 주문입니다. 좌석을 다시 선택해 주세요.", []);

    /// <summary>Seats lost before the charge: nothing was paid.</summary>
    public static CheckoutFailure SeatsLostBeforeCharge(IReadOnlyList<HeldSeat> lost) =>
        new("checkout.seat_lost", $"선점 시간이 지나 {Names(lost)} 좌석이 다른 고객에게 넘어갔습니다. 결제는 진행되지 않았습니다. 좌석을 다시 선택해 주세요.", lost);

    /// <summary>Seats lost between the charge and the sale: the payment is cancelled in full.</summary>
    public static CheckoutFailure SeatsLostAfterCharge(IReadOnlyList<HeldSeat> lost) =>
        new("checkout.seat_lost", $"선점 시간이 지나 {Names(lost)} 좌석이 다른 고객에게 판매되어 결제를 자동 취소했습니다. 결제 금액은 전액 환불됩니다.", lost);

    /// <summary>The show was taken down between the charge and the sale: the answer of an unknown round, and the payment cancelled in full.</summary>
    public static CheckoutFailure RoundGoneAfterCharge() =>
        new(Domain.Rounds.Round.NotFound().Code, "판매하지 않는 회차라 결제를 자동 취소했습니다. 결제 금액은 전액 환불됩니다.", []);

    private static string Names(IReadOnlyList<HeldSeat> seats) =>
        seats.Count == 0 ? "일부" : string.Join(", ", seats.Select(seat => $"{seat.Grade}석 {seat.Label}"));
}
