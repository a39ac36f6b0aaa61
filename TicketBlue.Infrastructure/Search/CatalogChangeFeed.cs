using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using StackExchange.Redis;
using TicketBlue.Infrastructure.Persistence;

namespace TicketBlue.Infrastructure.Search;

/// <summary>
/// Carries committed catalogue changes to every node's index: this node's go to its indexer at once
/// and out on one Redis channel per database ("tb:catalog-changes:{database}"); other nodes' come in
/// from it (a node ignores its own echo). Redis down: this node still indexes its own changes; the
/// others catch up at their next start (fingerprint mismatch) or an admin rebuild.
/// </summary>
public sealed partial class CatalogChangeFeed(
    LocalCatalogChanges local,
    SearchIndexer indexer,
    IDbContextFactory<TicketBlueDbContext> contextFactory,
    IConnectionMultiplexer redis,
    ILogger<CatalogChangeFeed> logger) : BackgroundService
{
    private readonly string _node = Guid.NewGuid().ToString("N");
    private readonly RedisChannel _channel = ChannelFor(contextFactory);
    private volatile bool _listening;

    /// <summary>True once other nodes' changes are heard.</summary>
    public bool IsListening => _listening;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await Task.Yield();
        var subscribing = SubscribeAsync(stoppingToken);
        try
        {
            await foreach (var changes in local.Reader.ReadAllAsync(stoppingToken))
            {
                indexer.Enqueue(changes);
                await PublishAsync(changes);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down.
        }

        await subscribing;
    }

    private async Task PublishAsync(IReadOnlyCollection<CatalogChange> changes)
    {
        try
        {
            var message = JsonSerializer.Serialize(new CatalogChangeMessage(_node, [.. changes]), CatalogChangeJson.Default.CatalogChangeMessage);
            await redis.GetSubscriber().PublishAsync(_channel, message, CommandFlags.FireAndForget);
        }
        catch (Exception exception) when (exception is RedisException or TimeoutException or ObjectDisposedException)
        {
            LogPublishFailed(logger, changes.Count, exception);
        }
    }

    private async Task SubscribeAsync(CancellationToken stoppingToken)
    {
        for (var delay = TimeSpan.FromSeconds(1); !stoppingToken.IsCancellationRequested; delay = TimeSpan.FromSeconds(Math.Min(delay.TotalSeconds * 2, 30)))
        {
            try
            {
                var queue = await redis.GetSubscriber().SubscribeAsync(_channel);
                queue.OnMessage(message => OnMessage(message.Message));
                _listening = true;
                return;
            }
            catch (Exception exception) when (exception is RedisException or TimeoutException)
            {
                LogSubscribeFailed(logger, exception);
                try
                {
                    await Task.Delay(delay, stoppingToken);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
        }
    }

    private void OnMessage(RedisValue value)
    {
        try
        {
            var message = JsonSerializer.Deserialize(value.ToString(), CatalogChangeJson.Default.CatalogChangeMessage);
            if (message is not null && message.Node != _node)
            {
                indexer.Enqueue(message.Changes);
            }
        }
        catch (JsonException exception)
        {
            LogBadMessage(logger, exception);
        }
    }

    /// <summary>The channel of this database's catalogue changes.</summary>
    public static RedisChannel ChannelFor(IDbContextFactory<TicketBlueDbContext> contextFactory) =>
        DatabaseChannels.For("tb:catalog-changes", contextFactory);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not send {Count} catalogue changes to the other nodes")]
    private static partial void LogPublishFailed(ILogger logger, int count, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not subscribe to catalogue changes from other nodes; retrying")]
    private static partial void LogSubscribeFailed(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Ignored an unreadable catalogue change message")]
    private static partial void LogBadMessage(ILogger logger, Exception exception);
}

/// <summary>"Catalogue changed": which node saved it and which documents to re-read.</summary>
internal sealed record CatalogChangeMessage(string Node, List<CatalogChange> Changes);

[JsonSerializable(typeof(CatalogChangeMessage))]
[JsonSourceGenerationOptions(UseStringEnumConverter = true)]
internal sealed partial class CatalogChangeJson : JsonSerializerContext;
