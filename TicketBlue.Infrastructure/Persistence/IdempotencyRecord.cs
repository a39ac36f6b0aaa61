namespace TicketBlue.Infrastructure.Persistence;

/// <summary>
/// The first answer given to a request carrying an <c>Idempotency-Key</c> (payment confirm and
/// cancel). The same key with the same payload replays it; a different payload is refused; a
/// duplicate while the first is running gets 409. Kept 15 days, as Toss Payments keeps its keys.
/// </summary>
public sealed class IdempotencyRecord
{
    /// <summary>How long an answer is replayed (as Toss Payments keeps its keys); the cleanup job keeps records at least this long.</summary>
    public static readonly TimeSpan ReplayWindow = TimeSpan.FromDays(15);

    public required string Scope { get; init; }

    public required string Key { get; init; }

    public required string UserId { get; init; }

    /// <summary>SHA-256 of the request payload, hex.</summary>
    public required string RequestHash { get; init; }

    public bool IsCompleted { get; set; }

    public int? StatusCode { get; set; }

    public string? ResponseBody { get; set; }

    public DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset? CompletedAt { get; set; }
}
