namespace TicketBlue.Infrastructure.Booking;

/// <summary>When each customer gave back holds of each round, shared by every node (Redis), for <see cref="TicketBlue.Domain.Booking.ReleaseCooldown"/>.</summary>
public interface IHoldReleaseLog
{
    /// <summary>The customer's releases of the round at or after <paramref name="since"/>.</summary>
    Task<IReadOnlyList<DateTimeOffset>> ReleasesSinceAsync(string userId, long roundId, DateTimeOffset since);

    /// <summary>Notes one release; entries older than <paramref name="keepFor"/> are dropped.</summary>
    Task RecordAsync(string userId, long roundId, Guid holdId, DateTimeOffset releasedAt, TimeSpan keepFor);
}
