namespace TicketBlue.Infrastructure.WaitingRoom;

/// <summary>The waiting room (대기열) in front of a round's booking pages; see ADR-007.</summary>
public interface IWaitingRoom
{
    /// <summary>Joins the round's line (or finds one's place again) and says where the customer stands.</summary>
    Task<QueueStatus> JoinAsync(long roundId, string userId, CancellationToken cancellationToken);

    /// <summary>Where the customer stands; also "still here" for the grace period. Carries a token once admitted.</summary>
    Task<QueueStatus> StatusAsync(long roundId, string userId, CancellationToken cancellationToken);

    /// <summary>
    /// The gate of the booking pages and calls made over HTTP: a token valid for this customer and
    /// round, whose admission (when Redis answers) has not ended since. No token: refused.
    /// </summary>
    Task<AdmissionCheck> CheckAsync(long roundId, string? userId, string? token, CancellationToken cancellationToken);

    /// <summary>
    /// The gate of a live seat page, whose circuit cannot see the HttpOnly cookie: the admission Redis
    /// holds for the customer (the server's side of the token). Redis down: refused.
    /// </summary>
    Task<AdmissionCheck> CheckLiveAsync(long roundId, string? userId, CancellationToken cancellationToken);

    /// <summary>The seed's hash (and after the opening the seed and the pre-queue's numbers), or null without a waiting room.</summary>
    Task<ShuffleProof?> ProofAsync(long roundId, CancellationToken cancellationToken);
}
