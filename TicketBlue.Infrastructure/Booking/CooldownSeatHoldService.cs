using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using StackExchange.Redis;
using TicketBlue.Domain.Booking;
using TicketBlue.Infrastructure.Caching;
using TicketBlue.Infrastructure.Persistence;

namespace TicketBlue.Infrastructure.Booking;

/// <summary>
/// Seat spinning slowed down in front of the hold service, so the seat page and the API both get it:
/// a new hold is refused with <c>hold.cooldown</c> and the wait while <see cref="ReleaseCooldown"/>
/// says so, and every release is noted in the shared <see cref="IHoldReleaseLog"/>. When Redis cannot
/// answer, holds go ahead: the spinning rule slows abuse, it must not stop the sale.
/// </summary>
public sealed partial class CooldownSeatHoldService(
    ISeatHoldService inner,
    IHoldReleaseLog releases,
    IDbContextFactory<TicketBlueDbContext> contextFactory,
    IOptions<ReleaseCooldownOptions> options,
    TimeProvider clock,
    ILogger<CooldownSeatHoldService> logger) : ISeatHoldService
{
    public async Task<HoldResult> HoldAsync(string userId, long roundId, IReadOnlyCollection<long> roundSeatIds, CancellationToken cancellationToken)
    {
        var rule = options.Value.ToRule();
        var now = clock.GetUtcNow();
        IReadOnlyList<DateTimeOffset> released;
        try
        {
            released = await releases.ReleasesSinceAsync(userId, roundId, now - rule.Window);
        }
        catch (Exception exception) when (RedisOutage.Is(exception))
        {
            LogLogUnavailable(logger, exception);
            released = [];
        }

        var wait = rule.WaitBeforeHolding(released, now);
        if (wait > TimeSpan.Zero)
        {
            return HoldResult.Failed(HoldFailure.From(ReleaseCooldown.Refusal(wait)) with { RetryAfter = wait });
        }

        return await inner.HoldAsync(userId, roundId, roundSeatIds, cancellationToken);
    }

    public Task<HoldResult> ExtendAsync(string userId, Guid holdId, CancellationToken cancellationToken) =>
        inner.ExtendAsync(userId, holdId, cancellationToken);

    public async Task<HoldFailure?> ReleaseAsync(string userId, Guid holdId, CancellationToken cancellationToken)
    {
        var roundId = await RoundOfAsync(userId, holdId, cancellationToken);
        var failure = await inner.ReleaseAsync(userId, holdId, cancellationToken);
        if (failure is null && roundId is { } round)
        {
            try
            {
                await releases.RecordAsync(userId, round, holdId, clock.GetUtcNow(), options.Value.Window);
            }
            catch (Exception exception) when (RedisOutage.Is(exception))
            {
                LogLogUnavailable(logger, exception);
            }
        }

        return failure;
    }

    public Task<IReadOnlyList<HoldView>> ActiveHoldsAsync(string userId, long? roundId, CancellationToken cancellationToken) =>
        inner.ActiveHoldsAsync(userId, roundId, cancellationToken);

    public Task<int> SeatsBoughtAsync(string userId, long roundId, CancellationToken cancellationToken) =>
        inner.SeatsBoughtAsync(userId, roundId, cancellationToken);

    /// <summary>The round of the customer's hold (a primary-key read), or null when it is not theirs.</summary>
    private async Task<long?> RoundOfAsync(string userId, Guid holdId, CancellationToken cancellationToken)
    {
        await using var context = await contextFactory.CreateDbContextAsync(cancellationToken);
        return await context.SeatHolds
            .Where(hold => hold.Id == holdId && hold.UserId == userId)
            .Select(hold => (long?)hold.RoundId)
            .SingleOrDefaultAsync(cancellationToken);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The hold release log is unavailable; seat spinning is not checked meanwhile")]
    private static partial void LogLogUnavailable(ILogger logger, Exception exception);
}
