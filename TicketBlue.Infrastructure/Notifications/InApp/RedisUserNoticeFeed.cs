using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using StackExchange.Redis;
using TicketBlue.Infrastructure.Persistence;

namespace TicketBlue.Infrastructure.Notifications.InApp;

/// <summary>
/// Customer notices delivered to this node's subscribers at once and to the other nodes through one
/// Redis channel per database (a node ignores its own echo). Redis down: this node's pages are still
/// told; other nodes' pages learn on their next load, and the e-mail is in the outbox anyway.
/// </summary>
public sealed partial class RedisUserNoticeFeed(
    IDbContextFactory<TicketBlueDbContext> contextFactory,
    IConnectionMultiplexer redis,
    ILogger<RedisUserNoticeFeed> logger) : BackgroundService, IUserNoticeFeed
{
    private readonly string _node = Guid.NewGuid().ToString("N");
    private readonly RedisChannel _channel = ChannelFor(contextFactory);
    private readonly ConcurrentDictionary<string, ImmutableList<Func<UserNotice, Task>>> _subscribers = new(StringComparer.Ordinal);

    public async Task PublishAsync(UserNotice notice)
    {
        await DeliverAsync(notice);
        try
        {
            var message = JsonSerializer.Serialize(new UserNoticeMessage(_node, notice), UserNoticeJson.Default.UserNoticeMessage);
            await redis.GetSubscriber().PublishAsync(_channel, message, CommandFlags.FireAndForget);
        }
        catch (Exception exception) when (exception is RedisException or TimeoutException or ObjectDisposedException)
        {
            LogPublishFailed(logger, notice.Kind, exception);
        }
    }

    public IDisposable Subscribe(string userId, Func<UserNotice, Task> onNotice)
    {
        _subscribers.AddOrUpdate(userId, _ => [onNotice], (_, list) => list.Add(onNotice));
        return new Subscription(() =>
        {
            _subscribers.AddOrUpdate(userId, _ => [], (_, list) => list.Remove(onNotice));
            _subscribers.TryRemove(new KeyValuePair<string, ImmutableList<Func<UserNotice, Task>>>(userId, []));
        });
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var queue = await redis.GetSubscriber().SubscribeAsync(_channel);
                queue.OnMessage(message => OnMessageAsync(message.Message));
                return;
            }
            catch (Exception exception) when (exception is RedisException or TimeoutException)
            {
                LogSubscribeFailed(logger, exception);
                await Task.Delay(TimeSpan.FromSeconds(2), stoppingToken);
            }
        }
    }

    private async Task OnMessageAsync(RedisValue value)
    {
        UserNoticeMessage? message;
        try
        {
            message = JsonSerializer.Deserialize(value.ToString(), UserNoticeJson.Default.UserNoticeMessage);
        }
        catch (JsonException exception)
        {
            LogBadMessage(logger, exception);
            return;
        }

        if (message is not null && message.Node != _node)
        {
            await DeliverAsync(message.Notice);
        }
    }

    private async Task DeliverAsync(UserNotice notice)
    {
        if (!_subscribers.TryGetValue(notice.UserId, out var handlers))
        {
            return;
        }

        foreach (var handler in handlers)
        {
            try
            {
                await handler(notice);
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                // One closed page must not keep the notice from the customer's other pages.
                LogHandlerFailed(logger, notice.Kind, exception);
            }
        }
    }

    private static RedisChannel ChannelFor(IDbContextFactory<TicketBlueDbContext> contextFactory) =>
        DatabaseChannels.For("tb:user-notices", contextFactory);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not send a {Kind} notice to the other nodes")]
    private static partial void LogPublishFailed(ILogger logger, UserNoticeKind kind, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not subscribe to customer notices from other nodes; retrying")]
    private static partial void LogSubscribeFailed(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Ignored an unreadable customer notice")]
    private static partial void LogBadMessage(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "A page failed to take a {Kind} notice")]
    private static partial void LogHandlerFailed(ILogger logger, UserNoticeKind kind, Exception exception);

    private sealed class Subscription(Action dispose) : IDisposable
    {
        private Action? _dispose = dispose;

        public void Dispose() => Interlocked.Exchange(ref _dispose, null)?.Invoke();
    }
}

internal sealed record UserNoticeMessage(string Node, UserNotice Notice);

[JsonSerializable(typeof(UserNoticeMessage))]
internal sealed partial class UserNoticeJson : JsonSerializerContext;
