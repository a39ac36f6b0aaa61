using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using TicketBlue.Infrastructure.Booking;
using TicketBlue.Web.RateLimiting;

namespace TicketBlue.Web.Api;

/// <summary>
/// What is free in a round, straight from this node's live seat board (kept current across nodes
/// through Redis): no database query per request and no serialization between two changes
/// (<see cref="AvailabilityJson"/>), which matters when thousands of clients poll during an
/// on-sale rush. Anonymous, like the seat map. Only rounds of public shows answer (<see cref="PublicRounds"/>).
/// </summary>
internal static class AvailabilityApi
{
    public static void MapAvailabilityApi(this RouteGroupBuilder api) =>
        api.MapGet("/rounds/{roundId:long}/availability", GetAvailabilityAsync)
            .WithTags("Rounds")
            .RequireRateLimit(LimitedAction.Availability)
            .WithName("GetAvailability")
            .WithSummary("Free seats of a round")
            .WithDescription("Per grade (dearest first): price in won, seats in total (blocked seats excluded) and seats free now; and the ids of the free seats to pass to the hold endpoint, narrowed to one grade with `?grade=R`. A seat whose hold has expired counts as free at once.")
            .AllowAnonymous()
            .Produces<AvailabilityResponse>()
            .ProducesProblem(StatusCodes.Status404NotFound);

    private static async Task<IResult> GetAvailabilityAsync(
        long roundId,
        string? grade,
        [FromServices] IRoundSeatFeed feed,
        [FromServices] PublicRounds publicRounds,
        [FromServices] AvailabilityJson json,
        TimeProvider clock,
        ApiProblems problems,
        CancellationToken cancellationToken)
    {
        var board = await feed.GetBoardAsync(roundId, cancellationToken);

        // Every round on sale has its seats: a board without any is a round that does not exist. A round
        // of a show that is not public (draft, taken down, archived) is answered the same way.
        if (board.Seats.IsEmpty || !await publicRounds.IsShownAsync(roundId, cancellationToken))
        {
            return problems.Create(StatusCodes.Status404NotFound, ApiErrorCodes.RoundNotFound);
        }

        var now = clock.GetUtcNow();
        return json.Ok(roundId, now, board.AvailabilityAt(now), string.IsNullOrWhiteSpace(grade) ? null : grade.Trim());
    }
}
