using Microsoft.AspNetCore.Http.HttpResults;
using TicketBlue.Infrastructure.Reservations;
using TicketBlue.Infrastructure.Checkout;
using TicketBlue.Web.Features.Checkout;

namespace TicketBlue.Web.Api;

/// <summary>
/// Checkout and cancellation failures as problems: the service's stable code and Korean message,
/// the seats lost to someone else as <c>lostSeats</c>, and a status that says what kind of "no" it is.
/// </summary>
internal static class CheckoutProblems
{
    public static ProblemHttpResult CheckoutFailed(this ApiProblems problems, CheckoutFailure failure)
    {
        var extensions = failure.LostSeats.Count == 0
            ? null
            : new Dictionary<string, object?> { [ApiProblems.LostSeatsKey] = failure.LostSeats.Select(LostSeatResponse.From).ToList() };
        return problems.Create(StatusOf(failure), failure.Code, failure.Message, extensions);
    }

    public static ProblemHttpResult CancellationFailed(this ApiProblems problems, CancellationFailure failure) =>
        problems.Create(StatusOf(failure.Code), failure.Code, failure.Message);

    /// <summary>
    /// Seats lost to another customer: 409. Something that is not the caller's or does not exist: 404
    /// (another customer's order is never revealed). A state that has moved on (hold ended, order
    /// already paid or cancelled): 409. The outcome unknown or the gateway or database busy: 503, ask
    /// again. Everything else is a rule refusing a well-formed request: 422.
    /// </summary>
    public static int StatusOf(CheckoutFailure failure) =>
        failure.LostSeats.Count > 0 ? StatusCodes.Status409Conflict : StatusOf(failure.Code);

    public static int StatusOf(string code) => code switch
    {
        ApiErrorCodes.HoldNotFound or "hold.not_owner" or ApiErrorCodes.ReservationNotFound or "payment.not_found" or "order.not_found" or ApiErrorCodes.RoundNotFound
            => StatusCodes.Status404NotFound,
        "seat.unavailable" or "hold.not_active" or "hold.expired" or "hold.changed" or "reservation.not_pending"
            or "reservation.already_confirmed" or "reservation.not_confirmed" or "reservation.seat_cancelled" or "payment.state"
            => StatusCodes.Status409Conflict,
        CheckoutCodes.PaymentUnknownOutcome => StatusCodes.Status503ServiceUnavailable,
        _ when code.EndsWith(".busy", StringComparison.Ordinal) || code.EndsWith(".unavailable", StringComparison.Ordinal)
            => StatusCodes.Status503ServiceUnavailable,
        _ => StatusCodes.Status422UnprocessableEntity,
    };
}
