using TicketBlue.Domain.WaitingRoom;

namespace TicketBlue.Infrastructure.WaitingRoom;

/// <summary>
/// What a customer's waiting page (or the API's position call) is told. <see cref="Required"/> false:
/// the round has no waiting room on, go straight to the seats. <see cref="Unavailable"/>: Redis does
/// not answer; nobody is let in until it does. <see cref="NoSeatsFree"/>: after the opening every seat
/// is held or sold; nobody is let in until seats are given back (the place is kept).
/// </summary>
public sealed record QueueStatus(
    long RoundId,
    bool Required,
    bool Unavailable,
    QueuePhase Phase,
    DateTimeOffset SalesOpenAt,
    QueueStanding Standing,
    TimeSpan? EstimatedWait,
    TimeSpan PollAfter,
    bool Paused,
    string? SeedHash,
    string? Seed,
    string? Token,
    DateTimeOffset? TokenExpiresAt,
    bool NoSeatsFree = false)
{
    public bool Admitted => Standing.Kind == StandingKind.Admitted && Token is not null;

    /// <summary>The wait as people are told it: whole seconds, rounded up (never "0 seconds" while waiting).</summary>
    public int? EstimatedWaitSeconds => EstimatedWait is { } wait ? (int)Math.Ceiling(wait.TotalSeconds) : null;

    /// <summary>When to ask again, in tenths of a second (the spread between clients survives the rounding).</summary>
    public double PollAfterSeconds => Math.Round(PollAfter.TotalSeconds, 1);
}

/// <summary>The gate's answer for a booking page or call.</summary>
public enum AdmissionCheck
{
    /// <summary>No waiting room is on for the round.</summary>
    NotRequired,

    /// <summary>A valid admission for this customer and round.</summary>
    Admitted,

    /// <summary>The waiting room is on and this request has no valid admission: to the queue.</summary>
    Required,
}

/// <summary>What anyone needs to recompute a round's pre-queue order (<see cref="PreQueueShuffle"/>).</summary>
public sealed record ShuffleProof(long RoundId, string SeedHash, string? Seed, IReadOnlyList<long> PreQueueNumbers, IReadOnlyList<long> Order);
