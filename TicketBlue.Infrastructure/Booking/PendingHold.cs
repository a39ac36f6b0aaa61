namespace TicketBlue.Infrastructure.Booking;

/// <summary>
/// One customer's hold request waiting for its batch (<see cref="HoldBatcher"/>): what they asked
/// for, and the answer their request awaits.
/// </summary>
internal sealed class PendingHold(string userId, long roundId, IReadOnlyCollection<long> roundSeatIds, CancellationToken cancellationToken)
{
    private readonly TaskCompletionSource<HoldResult> _answer = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public string UserId { get; } = userId;

    public long RoundId { get; } = roundId;

    public IReadOnlyCollection<long> RoundSeatIds { get; } = roundSeatIds;

    /// <summary>The caller's token: a request given up before its batch starts is not written.</summary>
    public CancellationToken CancellationToken { get; } = cancellationToken;

    public Task<HoldResult> Answer => _answer.Task;

    public bool IsAnswered => _answer.Task.IsCompleted;

    public void Complete(HoldResult result) => _answer.TrySetResult(result);

    public void Fail(Exception exception) => _answer.TrySetException(exception);

    public void Cancel() => _answer.TrySetCanceled(CancellationToken);
}
