using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using TicketBlue.Infrastructure.Reservations;
using TicketBlue.Web.Api.Idempotency;
using TicketBlue.Web.Localization;

namespace TicketBlue.Web.Api;

/// <summary>
/// Cancelling the caller's paid reservations, whole or in part, and the refund it would give first.
/// The rules (cut-off, fees, coupons) live in <see cref="IReservationCancellationService"/>.
/// </summary>
internal static class ReservationsApi
{
    public const string CancelScope = "reservations.cancel";

    public const int MaxReasonLength = 200;

    public static void MapReservationsApi(this RouteGroupBuilder api)
    {
        var reservations = api.MapGroup("/reservations")
            .RequireAuthorization(ApiPolicies.Bearer)
            .WithTags("Reservations")
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status404NotFound);

        reservations.MapGet("/{reservationId:long}/refund-quote", QuoteAsync)
            .WithName("GetRefundQuote")
            .WithSummary("What cancelling would refund")
            .WithDescription("Per seat: paid, fee and refund in won, for the seats given as `?roundSeatIds=1&roundSeatIds=2` or, without them, every seat still active. `allowed` false with `refusalCode` when it cannot be cancelled now (past the cut-off, a partial return the coupon forbids, already cancelled). Another customer's reservation: 404.");

        reservations.MapPost("/{reservationId:long}/cancel", CancelAsync)
            .RequireIdempotencyKey(CancelScope, context => new
            {
                ReservationId = context.Arguments.OfType<long>().FirstOrDefault(),
                Request = context.Arguments.OfType<CancelReservationRequest>().SingleOrDefault() is { } request
                    ? request with { RoundSeatIds = request.RoundSeatIds?.Distinct().Order().ToList() }
                    : null,
            })
            .WithName("CancelReservation")
            .WithSummary("Cancel a reservation, whole or in part")
            .WithDescription($"Refunds through the gateway, then returns the seats to sale. Without `roundSeatIds` every seat still active is cancelled. `reason` (1 to {MaxReasonLength} characters) is required. Refusals (past the cut-off, a coupon's minimum order) are 422 with the rule's code; a reservation not confirmed or already cancelled is 409. Requires `Idempotency-Key`.")
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);
    }

    private static async Task<Results<Ok<RefundQuoteResponse>, ProblemHttpResult>> QuoteAsync(
        long reservationId,
        long[]? roundSeatIds,
        ClaimsPrincipal user,
        IOptions<IdentityOptions> identity,
        [FromServices] IReservationCancellationService cancellations,
        ApiProblems problems,
        IStringLocalizer<ReservationResource> text,
        CancellationToken cancellationToken)
    {
        var seats = roundSeatIds is { Length: > 0 } ? roundSeatIds.Distinct().ToList() : null;
        var quote = await cancellations.QuoteAsync(ApiCaller.UserId(user, identity), reservationId, seats, cancellationToken);
        return quote is null
            ? problems.Create(StatusCodes.Status404NotFound, ApiErrorCodes.ReservationNotFound)
            : TypedResults.Ok(RefundQuoteResponse.From(quote, RefundFeeRule.Words(text, quote.FeeRule)));
    }

    private static async Task<Results<Ok<CancellationResponse>, ProblemHttpResult>> CancelAsync(
        long reservationId,
        CancelReservationRequest request,
        ClaimsPrincipal user,
        IOptions<IdentityOptions> identity,
        [FromServices] IReservationCancellationService cancellations,
        ApiProblems problems,
        IStringLocalizer<ApiResource> text,
        CancellationToken cancellationToken)
    {
        var reason = request.Reason?.Trim();
        if (string.IsNullOrEmpty(reason) || reason.Length > MaxReasonLength || request.RoundSeatIds is { Count: 0 } || request.RoundSeatIds?.Any(id => id <= 0) == true)
        {
            var detail = string.Format(CultureInfo.CurrentCulture, text["Validation.Cancel"], MaxReasonLength);
            return problems.Create(StatusCodes.Status400BadRequest, ApiErrorCodes.RequestInvalid, detail);
        }

        var seats = request.RoundSeatIds?.Distinct().ToList();
        var result = await cancellations.CancelAsync(ApiCaller.UserId(user, identity), reservationId, seats, reason, cancellationToken);
        return result is { Succeeded: true, Outcome: { } outcome }
            ? TypedResults.Ok(CancellationResponse.From(outcome))
            : problems.CancellationFailed(result.Failure!);
    }
}
