using System.Security.Claims;
using TicketBlue.Infrastructure.WaitingRoom;
using TicketBlue.Web.RateLimiting;
using TicketBlue.Web.Features.WaitingRoom;

namespace TicketBlue.Web.Endpoints;

/// <summary>
/// <c>GET /rounds/{id}/queue/status</c>: the waiting page's script asks here (signed-in cookie), which
/// also keeps the customer's place. Once admitted the answer sets the round's HttpOnly admission cookie,
/// so the seat page that follows finds it; the token itself never reaches the script.
/// </summary>
public static class WaitingRoomEndpoint
{
    public static void MapWaitingRoomEndpoint(this WebApplication app) =>
        app.MapGet("/rounds/{roundId:long}/queue/status", StatusAsync)
            .RequireAuthorization()
            .RequireRateLimit(LimitedAction.Queue)
            .ExcludeFromDescription();

    private static async Task<IResult> StatusAsync(long roundId, HttpContext http, IWaitingRoom waitingRoom, CancellationToken cancellationToken)
    {
        var userId = http.User.FindFirstValue(ClaimTypes.NameIdentifier)!;
        var status = await waitingRoom.StatusAsync(roundId, userId, cancellationToken);
        if (status is { Admitted: true, Token: { } token, TokenExpiresAt: { } expires })
        {
            QueueAdmission.SetCookie(http, roundId, token, expires);
        }

        http.Response.Headers.CacheControl = "no-store";
        return TypedResults.Ok(new WaitingPageStatus(
            status.Required,
            status.Unavailable,
            status.Standing.Kind.ToString(),
            status.Standing.QueueNumber,
            status.Standing.Position,
            status.Standing.Total,
            status.EstimatedWaitSeconds,
            status.PollAfterSeconds,
            status.Paused,
            status.Admitted,
            status.SeedHash,
            status.Seed,
            status.NoSeatsFree));
    }
}

/// <summary>The waiting page's view of its customer's place (no token: that travels as a cookie).</summary>
public sealed record WaitingPageStatus(
    bool Required,
    bool Unavailable,
    string Standing,
    long QueueNumber,
    long Position,
    long Waiting,
    int? EstimatedWaitSeconds,
    double PollAfterSeconds,
    bool Paused,
    bool Admitted,
    string? SeedHash,
    string? Seed,
    bool SoldOut);
