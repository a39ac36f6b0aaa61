using TicketBlue.Domain.Common;

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
/// Why a hold request failed. <see cref="Code"/> is stable (API problem type, UI resource key);
/// <see cref="Message"/> is the Korean sentence; <see cref="LostSeats"/> names the seats someone
/// else took first, so the customer is told exactly which ones.
/// </summary>
public sealed record HoldFailure(string Code, string Message, IReadOnlyList<HeldSeat> LostSeats)
{
    /// <summary>For a refusal that ends by itself (<c>hold.cooldown</c>): how long until trying again can succeed.</summary>
    public TimeSpan? RetryAfter { get; init; }

    public static HoldFailure From(DomainException exception) => new(exception.Code, exception.Message, []);
}

/// <summary>The answer to a hold, extend or release: the hold as it is now, or why not.</summary>
public sealed record HoldResult(HoldView? Hold, HoldFailure? Failure)
{
    public bool Succeeded => Failure is null;

    public static HoldResult Success(HoldView hold) => new(hold, null);

    public static HoldResult Failed(HoldFailure failure) => new(null, failure);

    public static HoldResult Failed(DomainException exception) => new(null, HoldFailure.From(exception));
}
