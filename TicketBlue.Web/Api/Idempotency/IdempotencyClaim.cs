namespace TicketBlue.Web.Api.Idempotency;

/// <summary>What <see cref="IdempotentRequests.BeginAsync"/> found for a key.</summary>
public enum IdempotencyOutcome
{
    /// <summary>The key is new (or its earlier use expired): this request runs and its answer is kept.</summary>
    Started,

    /// <summary>The same request was answered before: <see cref="IdempotencyClaim.StatusCode"/> and body are replayed.</summary>
    Replay,

    /// <summary>The same request is still running elsewhere (409 <c>idempotency.in_progress</c>).</summary>
    InProgress,

    /// <summary>The key was used for a different request (422 <c>idempotency.key_reused</c>).</summary>
    KeyReused,
}

/// <summary>The answer to claiming an idempotency key; <see cref="StoredKey"/> identifies the record to complete.</summary>
public sealed record IdempotencyClaim(IdempotencyOutcome Outcome, string Scope, string StoredKey, int? StatusCode = null, string? ResponseBody = null);
