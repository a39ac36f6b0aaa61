using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using StackExchange.Redis;
using TicketBlue.Domain.Venues;
using TicketBlue.Infrastructure.Persistence;

namespace TicketBlue.Infrastructure.Booking;

/// <summary>
/// This node's live boards of the rounds people are looking at, and the Redis pub/sub link that keeps
/// them equal to every other node's (ADR-004).
/// <list type="bullet">
/// <item>A board is loaded from MariaDB the first time a round is asked for, then kept by applying
/// changes; each change carries the row version, so late or duplicated messages are harmless.</item>
/// <item>A change is applied here at once and sent to the other nodes; a node ignores its own echo.</item>
/// <item>Pub/sub can lose messages (a reconnect): boards with viewers are reloaded every
/// <see cref="SeatFeedOptions.ResyncInterval"/> and after Redis reconnects, and viewers get the difference.</item>
/// <item>If Redis is down, this node still sees its own changes and booking never fails because of it.</item>
/// </list>
/// </summary>
public sealed partial class RedisRoundSeatFeed(
    IDbContextFactory<TicketBlueDbContext> contextFactory,
    IConnectionMultiplexer redis,
    IOptions<SeatFeedOptions> options,
    TimeProvider clock,
    ILogger<RedisRoundSeatFeed> logger) : BackgroundService, IRoundSeatFeed
{
    private readonly string _node = Guid.NewGuid().ToString("N");

    // Round ids are only unique within one database: nodes of another environment (or another test
    // database) sharing this Redis must not move this database's seats.
    private readonly RedisChannel _channel = ChannelFor(contextFactory);
    private readonly ConcurrentDictionary<long, RoundEntry> _rounds = new();
    private volatile bool _listening;

    /// <summary>True once this node hears other nodes' changes (subscribed to Redis).</summary>
    public bool IsListening => _listening;

    public bool IsLive => _listening && redis.IsConnected;

    public async Task<RoundSeatBoard> GetBoardAsync(long roundId, CancellationToken cancellationToken)
    {
        var entry = Entry(roundId);
        return entry.Board ?? await entry.Loading.WaitAsync(cancellationToken);
    }

    public IDisposable Subscribe(long roundId, Func<IReadOnlyList<SeatStatus>, Task> onChanged)
    {
        var entry = Entry(roundId);
        ImmutableInterlocked.Update(ref entry.Subscribers, list => list.Add(onChanged));
        return new Subscription(() =>
        {
            ImmutableInterlocked.Update(ref entry.Subscribers, list => list.Remove(onChanged));
            entry.Touch(clock);
        });
    }

    public async Task PublishAsync(long roundId, IReadOnlyList<SeatStatus> changes)
    {
        if (changes.Count == 0)
        {
            return;
        }

        await ApplyAsync(roundId, changes);
        try
        {
            var message = JsonSerializer.Serialize(SeatChangeMessage.From(_node, roundId, changes), SeatFeedJson.Default.SeatChangeMessage);
            // Fire and forget: a customer's hold never waits on Redis (down, it would wait for the timeout).
            await redis.GetSubscriber().PublishAsync(_channel, message, CommandFlags.FireAndForget);
        }
        catch (Exception exception) when (exception is RedisException or TimeoutException or ObjectDisposedException)
        {
            // The change is committed and this node's viewers have it; the others catch up at the next resync.
            LogPublishFailed(logger, roundId, exception);
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await SubscribeToOtherNodesAsync(stoppingToken);
        redis.ConnectionRestored += OnConnectionRestored;
        try
        {
            using var timer = new PeriodicTimer(options.Value.ResyncInterval, clock);
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                await ResyncAsync(stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down.
        }
        finally
        {
            redis.ConnectionRestored -= OnConnectionRestored;
        }
    }

    /// <summary>
    /// Reloads every board in use from the database and tells viewers what they missed; forgets idle boards. A board in
    /// use without viewers (read by the availability API and the hold path's early refusal) is reloaded too: before,
    /// only pub/sub kept it, so a message lost while Redis was away left it stale for as long as it was asked for
    /// (the fault drill, docs/reliability.md).
    /// </summary>
    public async Task ResyncAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        foreach (var (roundId, entry) in _rounds)
        {
            if (entry.Subscribers.IsEmpty && now - entry.LastUsed > options.Value.IdleBoardLifetime)
            {
                _rounds.TryRemove(KeyValuePair.Create(roundId, entry));
                continue;
            }

            try
            {
                var fresh = await LoadAsync(roundId, cancellationToken);
                await ApplyAsync(roundId, fresh.Seats.Values.ToList());
            }
            catch (Exception exception) when (exception is DbUpdateException or InvalidOperationException or MySqlConnector.MySqlException)
            {
                LogResyncFailed(logger, roundId, exception);
            }
        }
    }

    private async Task SubscribeToOtherNodesAsync(CancellationToken stoppingToken)
    {
        // Redis may still be starting or down: keep trying without holding up the app.
        for (var delay = TimeSpan.FromSeconds(1); !stoppingToken.IsCancellationRequested; delay = TimeSpan.FromSeconds(Math.Min(delay.TotalSeconds * 2, 30)))
        {
            try
            {
                var queue = await redis.GetSubscriber().SubscribeAsync(_channel);
                queue.OnMessage(message => OnMessageAsync(message.Message));
                _listening = true;
                return;
            }
            catch (Exception exception) when (exception is RedisException or TimeoutException)
            {
                LogSubscribeFailed(logger, exception);
                await Task.Delay(delay, clock, stoppingToken);
            }
        }
    }

    private async Task OnMessageAsync(RedisValue value)
    {
        try
        {
            var message = JsonSerializer.Deserialize(value.ToString(), SeatFeedJson.Default.SeatChangeMessage);
            if (message is null || message.Origin == _node || !_rounds.ContainsKey(message.RoundId))
            {
                return;
            }

            await ApplyAsync(message.RoundId, message.ToStatuses());
        }
        catch (JsonException exception)
        {
            LogBadMessage(logger, exception);
        }
    }

    private void OnConnectionRestored(object? sender, ConnectionFailedEventArgs e) =>
        _ = ResyncAsync(CancellationToken.None);

    /// <summary>Applies changes to the board and hands viewers only those that were news.</summary>
    private async Task ApplyAsync(long roundId, IReadOnlyList<SeatStatus> changes)
    {
        if (!_rounds.TryGetValue(roundId, out var entry))
        {
            return;
        }

        var applied = entry.Apply(changes);
        if (applied.Count == 0)
        {
            return;
        }

        foreach (var subscriber in entry.Subscribers)
        {
            try
            {
                await subscriber(applied);
            }
            catch (Exception exception) when (exception is not OutOfMemoryException)
            {
                // One broken viewer must not stop the others from hearing about the change.
                LogSubscriberFailed(logger, roundId, exception);
            }
        }
    }

    private RoundEntry Entry(long roundId)
    {
        var entry = _rounds.GetOrAdd(roundId, id => new RoundEntry(() => LoadAndKeepAsync(id)));
        entry.Touch(clock);
        if (entry.Loading.IsFaulted)
        {
            // A failed load (database down) must not be remembered for ever.
            _rounds.TryRemove(KeyValuePair.Create(roundId, entry));
        }

        return entry;
    }

    private async Task<RoundSeatBoard> LoadAndKeepAsync(long roundId)
    {
        await Task.Yield();
        var board = await LoadAsync(roundId, CancellationToken.None);
        if (_rounds.TryGetValue(roundId, out var entry))
        {
            entry.Loaded(board);
        }

        return board;
    }

    private async Task<RoundSeatBoard> LoadAsync(long roundId, CancellationToken cancellationToken)
    {
        await using var context = await contextFactory.CreateDbContextAsync(cancellationToken);
        var rows = await context.RoundSeats
            .AsNoTracking()
            .Where(seat => seat.RoundId == roundId)
            .Join(context.Seats, roundSeat => roundSeat.SeatId, seat => seat.Id, (roundSeat, seat) => new
            {
                roundSeat.Id,
                roundSeat.State,
                roundSeat.HeldByUserId,
                roundSeat.HoldExpiresAt,
                roundSeat.Version,
                roundSeat.Grade,
                roundSeat.Price,
                seat.Floor,
                seat.SectionName,
                seat.Row,
                seat.Number,
            })
            .ToListAsync(cancellationToken);
        var seats = rows.ToImmutableDictionary(
            row => row.Id,
            row => new SeatStatus(row.Id, row.State, row.HeldByUserId, row.HoldExpiresAt) { Version = row.Version });
        var prices = rows.ToDictionary(row => row.Id, row => new SeatPrice(row.Grade.Code, row.Price.Won));
        var labels = rows.ToDictionary(row => row.Id, row => SeatLabel.Format(row.Floor, row.SectionName, row.Row, row.Number));
        return new RoundSeatBoard(roundId, seats, prices, 0, labels);
    }

    /// <summary>The channel of this database's seat changes: "tb:round-seats:{database}".</summary>
    public static RedisChannel ChannelFor(IDbContextFactory<TicketBlueDbContext> contextFactory) =>
        DatabaseChannels.For("tb:round-seats", contextFactory);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not send seat changes of round {RoundId} to the other nodes")]
    private static partial void LogPublishFailed(ILogger logger, long roundId, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not reload the seat board of round {RoundId}")]
    private static partial void LogResyncFailed(ILogger logger, long roundId, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not subscribe to seat changes from other nodes; retrying")]
    private static partial void LogSubscribeFailed(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Ignored a malformed seat change message")]
    private static partial void LogBadMessage(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Error, Message = "A seat map of round {RoundId} failed to take a change")]
    private static partial void LogSubscriberFailed(ILogger logger, long roundId, Exception exception);

    /// <summary>One round on this node: its board (once loaded), changes that came while loading, and its viewers.</summary>
    private sealed class RoundEntry(Func<Task<RoundSeatBoard>> load)
    {
        public ImmutableList<Func<IReadOnlyList<SeatStatus>, Task>> Subscribers = [];

        private readonly ConcurrentQueue<SeatStatus> _pending = new();
        private readonly Lock _gate = new();
        private RoundSeatBoard? _board;
        private long _lastUsedTicks;

        // Lazy: GetOrAdd may build an entry it then throws away; only the kept one loads.
        private readonly Lazy<Task<RoundSeatBoard>> _loading = new(load);

        public Task<RoundSeatBoard> Loading => _loading.Value;

        public RoundSeatBoard? Board => Volatile.Read(ref _board);

        public DateTimeOffset LastUsed => new(Interlocked.Read(ref _lastUsedTicks), TimeSpan.Zero);

        public void Touch(TimeProvider clock) => Interlocked.Exchange(ref _lastUsedTicks, clock.GetUtcNow().UtcTicks);

        public void Loaded(RoundSeatBoard board)
        {
            lock (_gate)
            {
                var pending = new List<SeatStatus>();
                while (_pending.TryDequeue(out var change))
                {
                    pending.Add(change);
                }

                Volatile.Write(ref _board, pending.Count == 0 ? board : board.With(pending));
            }
        }

        /// <summary>Applies what is newer than the board; returns exactly that.</summary>
        public List<SeatStatus> Apply(IReadOnlyList<SeatStatus> changes)
        {
            lock (_gate)
            {
                var board = _board;
                if (board is null)
                {
                    foreach (var change in changes)
                    {
                        _pending.Enqueue(change);
                    }

                    return [];
                }

                var news = changes
                    .Where(change => board.Seats.TryGetValue(change.RoundSeatId, out var current) && change.Version > current.Version)
                    .ToList();
                if (news.Count > 0)
                {
                    Volatile.Write(ref _board, board.With(news));
                }

                return news;
            }
        }
    }

    private sealed class Subscription(Action dispose) : IDisposable
    {
        private Action? _dispose = dispose;

        public void Dispose() => Interlocked.Exchange(ref _dispose, null)?.Invoke();
    }
}
