namespace TicketBlue.Infrastructure.Cancellations;

/// <summary>One seat in a refund quote: what was paid for it, the fee kept and the refund.</summary>
public sealed record RefundLine(long RoundSeatId, string SeatLabel, string Grade, long Paid, long Fee, long Refund);

/// <summary>
/// What cancelling would return, shown before the customer confirms. When <see cref="Allowed"/> is
/// false, <see cref="RefusalCode"/> and <see cref="RefusalMessage"/> say why (past the cut-off,
/// a partial return the coupon's minimum order forbids, already cancelled).
/// </summary>
public sealed record RefundQuote(
    long ReservationId,
    IReadOnlyList<RefundLine> Lines,
    long Paid,
    long Fee,
    long Refund,
    // "관람 7일 전까지 티켓 금액의 10%" — the fee rule that applies now, for display.
    string FeeRule,
    DateTimeOffset CancellableUntil,
    bool WholeReservation,
    bool Allowed,
    string? RefusalCode,
    string? RefusalMessage);

/// <summary>A carried-out cancellation.</summary>
public sealed record CancellationOutcome(long ReservationId, IReadOnlyList<long> ReturnedRoundSeatIds, long Refunded, bool ReservationCancelled);

/// <summary>Why a cancellation was refused or failed; <see cref="Code"/> is stable, <see cref="Message"/> Korean.</summary>
public sealed record CancellationFailure(string Code, string Message);

public sealed record CancellationResult(CancellationOutcome? Outcome, CancellationFailure? Failure)
{
    public bool Succeeded => Failure is null;

    public static CancellationResult Success(CancellationOutcome outcome) => new(outcome, null);

    public static CancellationResult Failed(string code, string message) => new(null, new CancellationFailure(code, message));
}
