using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using TicketBlue.Infrastructure.WaitingRoom;
using TicketBlue.Web.RateLimiting;

namespace TicketBlue.Web.Api;

/// <summary>
/// The waiting room (대기열) for programs: join a round's queue, ask for the position (which also
/// keeps the place), and once admitted get the token to send as <c>X-Queue-Token</c> on hold and
/// order calls. The order anyone can check: the shuffle's seed hash, and after the opening the seed
/// and the pre-queue's numbers (ADR-007).
/// </summary>
internal static class WaitingRoomApi
{
    public static void MapWaitingRoomApi(this RouteGroupBuilder api)
    {
        var queue = api.MapGroup("/rounds/{roundId:long}/queue").WithTags("Waiting room");

        queue.MapPost("/", JoinAsync)
            .RequireAuthorization(ApiPolicies.Bearer)
            .RequireRateLimit(LimitedAction.Queue)
            .WithName("JoinQueue")
            .WithSummary("Join a round's waiting room")
            .WithDescription("One place per account however often it is called: calling again returns the same queue number while the place is kept. Before the sales opening the caller is in the pre-queue (`phase` = `PreQueue`, no position yet), shuffled at the opening; after it, at the end of the line. `queueRequired` false: the round has no waiting room on, hold directly. Redis unreachable: 503 `queue.unavailable`, nobody is admitted meanwhile.")
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);

        queue.MapGet("/", PositionAsync)
            .RequireAuthorization(ApiPolicies.Bearer)
            .RequireRateLimit(LimitedAction.Queue)
            .WithName("QueuePosition")
            .WithSummary("Position in a round's waiting room")
            .WithDescription("Where the caller stands, the estimated wait and when to ask again (`pollAfterSeconds`). Asking keeps the place: someone not heard from for the grace period (2 minutes by default) is skipped at their turn. Once `admitted`, `token` is the admission token to send as `X-Queue-Token` on hold and order calls until `tokenExpiresAt`; an admitted caller who holds no seats within 5 minutes loses the admission. Not in line: `queueNumber` 0, join again. `soldOut`: every seat is held or sold right now, so nobody is admitted; the place is kept in case seats are given back.")
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);

        queue.MapGet("/shuffle", ProofAsync)
            .AllowAnonymous()
            .WithName("QueueShuffle")
            .WithSummary("Check the pre-queue's order")
            .WithDescription("Before the opening: the SHA-256 hash of the shuffle's secret seed. From the opening: the seed (hex), the pre-queue's anonymous queue numbers and the resulting order, which anyone can recompute: sort the numbers by HMAC-SHA256(key = seed bytes, message = the number in ASCII decimal), ties by number.")
            .ProducesProblem(StatusCodes.Status404NotFound);
    }

    private static async Task<Results<Ok<QueuePositionResponse>, ProblemHttpResult>> JoinAsync(
        long roundId,
        ClaimsPrincipal user,
        IOptions<IdentityOptions> identity,
        [FromServices] IWaitingRoom waitingRoom,
        ApiProblems problems,
        CancellationToken cancellationToken)
    {
        var status = await waitingRoom.JoinAsync(roundId, ApiCaller.UserId(user, identity), cancellationToken);
        return Answer(status, problems);
    }

    private static async Task<Results<Ok<QueuePositionResponse>, ProblemHttpResult>> PositionAsync(
        long roundId,
        ClaimsPrincipal user,
        IOptions<IdentityOptions> identity,
        [FromServices] IWaitingRoom waitingRoom,
        ApiProblems problems,
        CancellationToken cancellationToken)
    {
        var status = await waitingRoom.StatusAsync(roundId, ApiCaller.UserId(user, identity), cancellationToken);
        return Answer(status, problems);
    }

    private static async Task<Results<Ok<ShuffleProofResponse>, ProblemHttpResult>> ProofAsync(
        long roundId,
        [FromServices] IWaitingRoom waitingRoom,
        ApiProblems problems,
        CancellationToken cancellationToken)
    {
        var proof = await waitingRoom.ProofAsync(roundId, cancellationToken);
        return proof is null
            ? problems.Create(StatusCodes.Status404NotFound, ApiErrorCodes.QueueNotFound)
            : TypedResults.Ok(new ShuffleProofResponse(proof.RoundId, proof.SeedHash, proof.Seed, ShuffleProofResponse.AlgorithmText, proof.PreQueueNumbers, proof.Order));
    }

    private static Results<Ok<QueuePositionResponse>, ProblemHttpResult> Answer(QueueStatus status, ApiProblems problems) =>
        status.Unavailable
            ? problems.Create(StatusCodes.Status503ServiceUnavailable, ApiErrorCodes.QueueUnavailable)
            : TypedResults.Ok(QueuePositionResponse.From(status));
}

/// <summary>A caller's place in a round's waiting room.</summary>
public sealed record QueuePositionResponse(
    long RoundId,
    bool QueueRequired,
    string Phase,
    DateTimeOffset SalesOpenAt,
    long QueueNumber,
    long Position,
    long Waiting,
    int? EstimatedWaitSeconds,
    double PollAfterSeconds,
    bool Paused,
    bool Admitted,
    string? Token,
    DateTimeOffset? TokenExpiresAt,
    string? SeedHash,
    string? Seed,
    bool SoldOut)
{
    public static QueuePositionResponse From(QueueStatus status)
    {
        ArgumentNullException.ThrowIfNull(status);
        return new(
            status.RoundId,
            status.Required,
            status.Phase.ToString(),
            status.SalesOpenAt,
            status.Standing.QueueNumber,
            status.Standing.Position,
            status.Standing.Total,
            status.EstimatedWaitSeconds,
            status.PollAfterSeconds,
            status.Paused,
            status.Admitted,
            status.Token,
            status.TokenExpiresAt,
            status.SeedHash,
            status.Seed,
            status.NoSeatsFree);
    }
}

/// <summary>What anyone needs to recompute a round's pre-queue order.</summary>
public sealed record ShuffleProofResponse(long RoundId, string SeedHash, string? Seed, string Algorithm, IReadOnlyList<long> PreQueueNumbers, IReadOnlyList<long> Order)
{
    public const string AlgorithmText = "order = queue numbers sorted by HMAC-SHA256(key = seed bytes, message = ASCII decimal of the number), keys compared as unsigned bytes, ties by the smaller number; first = first in line. SHA-256(seed bytes) = seedHash.";
}
