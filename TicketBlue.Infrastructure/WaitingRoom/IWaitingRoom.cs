namespace TicketBlue.Infrastructure.WaitingRoom;

/// <summary>The waiting room (대기열) in front of a round's booking pages; see ADR-007.</summary>
public interface IWaitingRoom
{
    /// <summary>Joins the round's line (or finds one's place again) and says where the customer stands.</summary>
    Task<QueueStatus> JoinAsync(long roundId, string userId, CancellationToken cancellationToken);

    /// <summary>Where the customer stands; also "still here" for the grace period. Carries a token once admitted.</summary>
    Task<QueueStatus> StatusAsync(long roundId, string userId, CancellationToken cancellationToken);

    /// <summary>
    /// The gate of the booking pages and calls. With a token: valid, bound to this customer and round,
    /// and (when Redis answers) not ended since. Without one (a live page whose circuit cannot see the
    /// cookie): the admission Redis holds for the customer; with Redis down, refused.
    /// </summary>
    Task<AdmissionCheck> CheckAsync(long roundId, string? userId, string? token, CancellationToken cancellationToken);

    /// <summary>The seed's hash (and after the opening the seed and the pre-queue's numbers), or null without a waiting room.</summary>
    Task<ShuffleProof?> ProofAsync(long roundId, CancellationToken cancellationToken);
}
