using TicketBlue.Infrastructure.Booking;

namespace TicketBlue.Web.Api;

/// <summary>Credentials for <c>POST /api/v1/auth/token</c>: the same e-mail and password as the web sign-in.</summary>
public sealed record TokenRequest(string? Email, string? Password);

/// <summary>A refresh token from an earlier token response, traded for a new pair.</summary>
public sealed record RefreshRequest(string? RefreshToken);

/// <summary>The seats to hold together (all or none), by round-seat id as listed by the availability endpoint.</summary>
public sealed record HoldRequest(IReadOnlyList<long>? SeatIds);

/// <summary>
/// A round's seats for programs: free seats per grade and the ids a client may try to hold.
/// <c>asOf</c> is the instant the answer describes; holds expire on their own, so it can age quickly.
/// </summary>
public sealed record AvailabilityResponse(long RoundId, DateTimeOffset AsOf, IReadOnlyList<GradeResponse> Grades, IReadOnlyList<long> AvailableSeatIds);

/// <summary>One grade of a round: its price in won, how many seats it has and how many are free now.</summary>
public sealed record GradeResponse(string Grade, long Price, int Total, int Available)
{
    public static GradeResponse From(GradeAvailability grade) => new(grade.Grade, grade.Price, grade.Total, grade.Available);
}

/// <summary>A customer's hold as the API shows it; <c>total</c> is the sum of the seats' prices in won.</summary>
public sealed record HoldResponse(
    Guid HoldId,
    long RoundId,
    DateTimeOffset CreatedAt,
    DateTimeOffset ExpiresAt,
    bool CanExtend,
    long Total,
    IReadOnlyList<HoldSeatResponse> Seats)
{
    public static HoldResponse From(HoldView hold) => new(
        hold.HoldId,
        hold.RoundId,
        hold.CreatedAt,
        hold.ExpiresAt,
        hold.CanExtend,
        hold.Total,
        hold.Seats.Select(HoldSeatResponse.From).ToList());
}

/// <summary>One held seat: its round-seat id, its Korean label ("1층 A구역 1열 3번"), grade and price in won.</summary>
public sealed record HoldSeatResponse(long Id, string Label, string Grade, long Price)
{
    public static HoldSeatResponse From(HeldSeat seat) => new(seat.RoundSeatId, seat.Label, seat.Grade, seat.Price);
}

/// <summary>A seat someone else took first, named in a 409 problem's <c>lostSeats</c>.</summary>
public sealed record LostSeatResponse(long Id, string Label)
{
    public static LostSeatResponse From(HeldSeat seat) => new(seat.RoundSeatId, seat.Label);
}
