using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using TicketBlue.Infrastructure.Booking;
using TicketBlue.Web.RateLimiting;
using TicketBlue.Web.Features.WaitingRoom;

namespace TicketBlue.Web.Api;

/// <summary>
/// Seat holds (좌석 선점) for the signed-in customer: take seats, list, extend and release holds.
/// The rules live in <see cref="ISeatHoldService"/>; this maps its answers onto HTTP.
/// </summary>
internal static class HoldsApi
{
    /// <summary>
    /// The most seats one request may name. The round's own per-customer limit (usually lower) is
    /// the service's to enforce (422 <c>hold.limit</c>); this only keeps a request's transaction small.
    /// </summary>
    public const int MaxSeatsPerRequest = 10;

    public static void MapHoldsApi(this RouteGroupBuilder api)
    {
        api.MapPost("/rounds/{roundId:long}/holds", HoldAsync)
            .RequireAuthorization(ApiPolicies.Bearer)
            .RequireRateLimit(LimitedAction.Holds)
            .RequireQueueAdmission()
            .WithTags("Holds")
            .WithName("HoldSeats")
            .WithSummary("Hold seats")
            .WithDescription($"Holds all the given seats for the caller, or none. 1 to {MaxSeatsPerRequest} seat ids from the availability endpoint. Seats someone else took first: 409 `seat.unavailable` with `lostSeats`; seats already in the caller's own live hold: 409 `seat.held_by_you`. The round's rules (`hold.limit`, `round.sales_not_open`, `round.sales_closed`, `round.cancelled`) and ids that are not the round's seats (`seat.not_found`): 422. Too busy even after a retry, or too many requests already waiting: 503 `hold.busy`, nothing held, try again. Released and held again in this round too often (seat spinning): 429 `hold.cooldown` with `Retry-After`. An account whose e-mail is not confirmed yet: 403 `account.email_unconfirmed`. A round that does not exist or whose show is not published: 404 `round.not_found`. A round behind a waiting room: 403 `queue.admission_required` without a valid `X-Queue-Token`.")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);

        var holds = api.MapGroup("/holds")
            .RequireAuthorization(ApiPolicies.Bearer)
            .WithTags("Holds")
            .ProducesProblem(StatusCodes.Status401Unauthorized);

        holds.MapGet("/", ListAsync)
            .WithName("ListHolds")
            .WithSummary("The caller's active holds")
            .WithDescription("Holds still running now, newest first; `?roundId=` keeps one round's.");

        holds.MapGet("/{holdId:guid}", GetAsync)
            .WithName("GetHold")
            .WithSummary("One of the caller's active holds")
            .WithDescription("404 `hold.not_found` when the hold has ended or is not the caller's.")
            .ProducesProblem(StatusCodes.Status404NotFound);

        holds.MapPost("/{holdId:guid}/extend", ExtendAsync)
            .RequireRateLimit(LimitedAction.Holds)
            .WithName("ExtendHold")
            .WithSummary("Extend a hold")
            .WithDescription("Moves the expiry on, within the round's hold policy (`canExtend` says whether another extension is allowed; otherwise 422 `hold.no_more_extensions`). An ended hold: 409.")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);

        holds.MapDelete("/{holdId:guid}", ReleaseAsync)
            .RequireRateLimit(LimitedAction.Holds)
            .WithName("ReleaseHold")
            .WithSummary("Release a hold")
            .WithDescription("Gives the seats back at once; they are free for everyone right after the 204.")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
    }

    private static async Task<Results<Created<HoldResponse>, ProblemHttpResult>> HoldAsync(
        long roundId,
        HoldRequest request,
        ClaimsPrincipal user,
        HttpResponse response,
        IOptions<IdentityOptions> identity,
        [FromServices] ISeatHoldService holds,
        ApiProblems problems,
        IStringLocalizer<ApiResource> text,
        CancellationToken cancellationToken)
    {
        if (request.SeatIds is not { Count: > 0 and <= MaxSeatsPerRequest } seatIds || seatIds.Any(id => id <= 0))
        {
            var detail = string.Format(CultureInfo.CurrentCulture, text["Validation.SeatIds"], MaxSeatsPerRequest);
            return problems.Create(StatusCodes.Status400BadRequest, ApiErrorCodes.RequestInvalid, detail);
        }

        var result = await holds.HoldAsync(ApiCaller.UserId(user, identity), roundId, [.. seatIds], cancellationToken);
        if (result is not { Succeeded: true, Hold: { } hold })
        {
            // A cooldown ends by itself: the client is told when (429 hold.cooldown).
            if (result.Failure!.RetryAfter is { } wait)
            {
                RetryAfterHeader.Set(response, wait);
            }

            return problems.HoldFailed(result.Failure);
        }

        return TypedResults.Created(HoldLocation(hold.HoldId), HoldResponse.From(hold));
    }

    private static async Task<Ok<List<HoldResponse>>> ListAsync(
        long? roundId,
        ClaimsPrincipal user,
        IOptions<IdentityOptions> identity,
        [FromServices] ISeatHoldService holds,
        CancellationToken cancellationToken)
    {
        var active = await holds.ActiveHoldsAsync(ApiCaller.UserId(user, identity), roundId, cancellationToken);
        return TypedResults.Ok(active.Select(HoldResponse.From).ToList());
    }

    private static async Task<Results<Ok<HoldResponse>, ProblemHttpResult>> GetAsync(
        Guid holdId,
        ClaimsPrincipal user,
        IOptions<IdentityOptions> identity,
        [FromServices] ISeatHoldService holds,
        ApiProblems problems,
        CancellationToken cancellationToken)
    {
        var active = await holds.ActiveHoldsAsync(ApiCaller.UserId(user, identity), roundId: null, cancellationToken);
        var hold = active.FirstOrDefault(candidate => candidate.HoldId == holdId);
        return hold is null
            ? problems.Create(StatusCodes.Status404NotFound, ApiErrorCodes.HoldNotFound)
            : TypedResults.Ok(HoldResponse.From(hold));
    }

    private static async Task<Results<Ok<HoldResponse>, ProblemHttpResult>> ExtendAsync(
        Guid holdId,
        ClaimsPrincipal user,
        IOptions<IdentityOptions> identity,
        [FromServices] ISeatHoldService holds,
        ApiProblems problems,
        CancellationToken cancellationToken)
    {
        var result = await holds.ExtendAsync(ApiCaller.UserId(user, identity), holdId, cancellationToken);
        return result is { Succeeded: true, Hold: { } hold }
            ? TypedResults.Ok(HoldResponse.From(hold))
            : problems.HoldFailed(result.Failure!);
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> ReleaseAsync(
        Guid holdId,
        ClaimsPrincipal user,
        IOptions<IdentityOptions> identity,
        [FromServices] ISeatHoldService holds,
        ApiProblems problems,
        CancellationToken cancellationToken)
    {
        var failure = await holds.ReleaseAsync(ApiCaller.UserId(user, identity), holdId, cancellationToken);
        return failure is null ? TypedResults.NoContent() : problems.HoldFailed(failure);
    }

    public static string HoldLocation(Guid holdId) => $"/api/v1/holds/{holdId}";
}
