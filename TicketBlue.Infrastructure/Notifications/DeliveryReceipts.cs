using Microsoft.Extensions.Logging;
using StackExchange.Redis;
using TicketBlue.Infrastructure.Caching;

namespace TicketBlue.Infrastructure.Notifications;

/// <summary>
/// A receipt in Redis for every notification the relay or webhook accepted, written the moment it did, before
/// the outbox row is marked sent in the database. When that mark does not commit (the primary stopped, the
/// node died between the two), the row falls due again; the dispatcher that claims it finds the receipt and
/// marks the row sent without sending it a second time (the fault drill's doubled mails, docs/reliability.md).
/// What is left is the instant between the relay's answer and the receipt's write. Without Redis nothing is
/// known and delivery stays at-least-once, as before.
/// </summary>
public sealed partial class DeliveryReceipts(IConnectionMultiplexer redis, ILogger<DeliveryReceipts> logger)
{
    /// <summary>Far longer than any lease or back-off between a send and its mark.</summary>
    public static readonly TimeSpan KeptFor = TimeSpan.FromDays(2);

    /// <summary>Records that <paramref name="notificationId"/> was accepted by its relay.</summary>
    public async Task SentAsync(Guid notificationId)
    {
        try
        {
            await redis.GetDatabase().StringSetAsync(Key(notificationId), 1, KeptFor);
        }
        catch (Exception exception) when (RedisOutage.Is(exception))
        {
            LogNotRecorded(logger, notificationId, exception);
        }
    }

    /// <summary>True when a receipt says the notification was already accepted; false when not, or when Redis cannot say.</summary>
    public async Task<bool> WasSentAsync(Guid notificationId)
    {
        try
        {
            return await redis.GetDatabase().KeyExistsAsync(Key(notificationId));
        }
        catch (Exception exception) when (RedisOutage.Is(exception))
        {
            LogNotRead(logger, notificationId, exception);
            return false;
        }
    }

    private static RedisKey Key(Guid notificationId) => $"tb:outbox-sent:{notificationId:N}";

    [LoggerMessage(Level = LogLevel.Warning, Message = "The delivery receipt of notification {Id} could not be written; a failed mark would send it again")]
    private static partial void LogNotRecorded(ILogger logger, Guid id, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The delivery receipt of notification {Id} could not be read; sending it")]
    private static partial void LogNotRead(ILogger logger, Guid id, Exception exception);
}
