using TicketBlue.Domain.Common;
using TicketBlue.Infrastructure.Localization;

namespace TicketBlue.Infrastructure.Booking;

/// <summary>One seat of a hold, as the customer sees it: "R석 2층 C구역 7열 12번, 110,000원".</summary>
public sealed record HeldSeat(long RoundSeatId, string Label, string Grade, long Price);

/// <summary>A customer's live hold: its seats, when it runs out and whether it may still be extended.</summary>
public sealed record HoldView(
    Guid HoldId,
    long RoundId,
    DateTimeOffset CreatedAt,
    DateTimeOffset ExpiresAt,
    bool CanExtend,
    IReadOnlyList<HeldSeat> Seats)
{
    public long Total => Seats.Sum(seat => seat.Price);
}

/// <summary>
/// Why a hold request failed. <see cref="Code"/> is stable (API problem type); <see cref="Error"/> is
/// what the customer is told, worded in their language only when shown (<see cref="Message"/>);
/// <see cref="LostSeats"/> names the seats someone else took first, so the customer is told exactly which ones.
/// </summary>
public sealed record HoldFailure(string Code, IReadOnlyList<HeldSeat> LostSeats)
{
    /// <summary>For a refusal that ends by itself (<c>hold.cooldown</c>): how long until trying again can succeed.</summary>
    public TimeSpan? RetryAfter { get; init; }

    /// <summary>The failure as people are told it: the code, its case and the values its sentence names.</summary>
    public ErrorText Error { get; init; } = new(Code);

    /// <summary>The failure in the current UI culture's words.</summary>
    public string Message => Error.ToString();

    public static HoldFailure From(DomainException exception) => new(exception.Code, []) { Error = ErrorText.From(exception) };
}

/// <summary>The answer to a hold, extend or release: the hold as it is now, or why not.</summary>
public sealed record HoldResult(HoldView? Hold, HoldFailure? Failure)
{
    public bool Succeeded => Failure is null;

    public static HoldResult Success(HoldView hold) => new(hold, null);

    public static HoldResult Failed(HoldFailure failure) => new(null, failure);

    public static HoldResult Failed(DomainException exception) => new(null, HoldFailure.From(exception));
}
