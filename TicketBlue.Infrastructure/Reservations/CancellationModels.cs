using TicketBlue.Domain.Common;
using TicketBlue.Domain.Reservations;
using TicketBlue.Infrastructure.Localization;

namespace TicketBlue.Infrastructure.Reservations;

/// <summary>One seat in a refund quote: what was paid for it, the fee kept and the refund.</summary>
public sealed record RefundLine(long RoundSeatId, string SeatLabel, string Grade, long Paid, long Fee, long Refund);

/// <summary>
/// What cancelling would return, shown before the customer confirms. <see cref="FeeRule"/> is the fee
/// rule that applies now, as data the page words. When <see cref="Allowed"/> is false,
/// <see cref="Refusal"/> says why (past the cut-off, a partial return the coupon's minimum order
/// forbids, already cancelled).
/// </summary>
public sealed record RefundQuote(
    long ReservationId,
    IReadOnlyList<RefundLine> Lines,
    long Paid,
    long Fee,
    long Refund,
    RefundFee FeeRule,
    DateTimeOffset CancellableUntil,
    bool WholeReservation,
    bool Allowed,
    ErrorText? Refusal)
{
    public string? RefusalCode => Refusal?.Code;

    /// <summary>Why not, in the current UI culture's words.</summary>
    public string? RefusalMessage => Refusal?.ToString();
}

/// <summary>A carried-out cancellation.</summary>
public sealed record CancellationOutcome(long ReservationId, IReadOnlyList<long> ReturnedRoundSeatIds, long Refunded, bool ReservationCancelled);

/// <summary>Why a cancellation was refused or failed; <see cref="Code"/> is stable, <see cref="Message"/> in the current UI culture's words.</summary>
public sealed record CancellationFailure(string Code)
{
    /// <summary>The failure as people are told it: the code, its case and the values its sentence names.</summary>
    public ErrorText Error { get; init; } = new(Code);

    public string Message => Error.ToString();
}

public sealed record CancellationResult(CancellationOutcome? Outcome, CancellationFailure? Failure)
{
    public bool Succeeded => Failure is null;

    public static CancellationResult Success(CancellationOutcome outcome) => new(outcome, null);

    public static CancellationResult Failed(string code) => Failed(new ErrorText(code));

    public static CancellationResult Failed(ErrorText error) => new(null, new CancellationFailure(error.Code) { Error = error });

    public static CancellationResult Failed(DomainException refusal) => Failed(ErrorText.From(refusal));
}
