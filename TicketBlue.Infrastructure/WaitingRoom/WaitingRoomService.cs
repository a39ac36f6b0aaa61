using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using StackExchange.Redis;
using TicketBlue.Domain.WaitingRoom;
using TicketBlue.Infrastructure.Booking;
using TicketBlue.Infrastructure.Caching;

namespace TicketBlue.Infrastructure.WaitingRoom;

/// <summary>
/// The waiting room's answers to customers and to the gate, over the Redis line of each round. Redis
/// not answering is never a reason to let someone in: without a token the answer is "wait".
/// </summary>
public sealed partial class WaitingRoomService(
    WaitingRoomSettingsReader settings,
    WaitingRoomKeyspace keyspace,
    AdmissionTokens tokens,
    IRoundSeatFeed seats,
    IOptions<WaitingRoomOptions> options,
    TimeProvider clock,
    ILogger<WaitingRoomService> logger) : IWaitingRoom
{
    public async Task<QueueStatus> JoinAsync(long roundId, string userId, CancellationToken cancellationToken)
    {
        var room = await settings.ForRoundAsync(roundId, cancellationToken);
        var now = clock.GetUtcNow();
        if (room is not { Enabled: true })
        {
            return NotRequired(roundId, room, now);
        }

        try
        {
            var line = keyspace.Line(roundId);
            var (_, isNew) = await line.JoinAsync(userId, room.PhaseAt(now) == QueuePhase.PreQueue, now);
            if (isNew)
            {
                await keyspace.Redis.SetAddAsync(keyspace.ActiveRounds, roundId, CommandFlags.FireAndForget);
            }

            return Describe(room, userId, await line.StandingAsync(userId, now), now, await NoSeatsFreeAsync(room, now, cancellationToken));
        }
        catch (Exception exception) when (RedisOutage.Is(exception))
        {
            LogRedisDown(logger, roundId, exception);
            return Unavailable(room, now);
        }
    }

    public async Task<QueueStatus> StatusAsync(long roundId, string userId, CancellationToken cancellationToken)
    {
        var room = await settings.ForRoundAsync(roundId, cancellationToken);
        var now = clock.GetUtcNow();
        if (room is not { Enabled: true })
        {
            return NotRequired(roundId, room, now);
        }

        try
        {
            return Describe(room, userId, await keyspace.Line(roundId).StandingAsync(userId, now), now, await NoSeatsFreeAsync(room, now, cancellationToken));
        }
        catch (Exception exception) when (RedisOutage.Is(exception))
        {
            LogRedisDown(logger, roundId, exception);
            return Unavailable(room, now);
        }
    }

    public async Task<AdmissionCheck> CheckAsync(long roundId, string? userId, string? token, CancellationToken cancellationToken)
    {
        var room = await settings.ForRoundAsync(roundId, cancellationToken);
        if (room is not { Enabled: true })
        {
            return AdmissionCheck.NotRequired;
        }

        if (userId is null || !tokens.Admits(token, roundId, userId, clock.GetUtcNow()))
        {
            return AdmissionCheck.Required;
        }

        try
        {
            return await keyspace.Line(roundId).IsAdmittedAsync(userId) ? AdmissionCheck.Admitted : AdmissionCheck.Required;
        }
        catch (Exception exception) when (RedisOutage.Is(exception))
        {
            // A valid token stands on its own while Redis is away (nobody new gets one meanwhile).
            LogRedisDown(logger, roundId, exception);
            return AdmissionCheck.Admitted;
        }
    }

    public async Task<AdmissionCheck> CheckLiveAsync(long roundId, string? userId, CancellationToken cancellationToken)
    {
        var room = await settings.ForRoundAsync(roundId, cancellationToken);
        if (room is not { Enabled: true })
        {
            return AdmissionCheck.NotRequired;
        }

        if (userId is null)
        {
            return AdmissionCheck.Required;
        }

        try
        {
            return await keyspace.Line(roundId).IsAdmittedAsync(userId) ? AdmissionCheck.Admitted : AdmissionCheck.Required;
        }
        catch (Exception exception) when (RedisOutage.Is(exception))
        {
            LogRedisDown(logger, roundId, exception);
            return AdmissionCheck.Required;
        }
    }

    public async Task<ShuffleProof?> ProofAsync(long roundId, CancellationToken cancellationToken)
    {
        var room = await settings.ForRoundAsync(roundId, cancellationToken);
        if (room is null)
        {
            return null;
        }

        if (!QueueSchedule.MayPublishSeed(room.SalesOpenAt, clock.GetUtcNow()))
        {
            return new ShuffleProof(roundId, room.Seed.Hash, null, [], []);
        }

        var numbers = await keyspace.Line(roundId).PreQueueNumbersAsync();
        return new ShuffleProof(roundId, room.Seed.Hash, room.Seed.Hex, numbers, PreQueueShuffle.Order(room.Seed, numbers));
    }

    /// <summary>After the opening, whether every seat is held or sold now (this node's live board, kept current across nodes).</summary>
    private async Task<bool> NoSeatsFreeAsync(RoundWaitingRoom room, DateTimeOffset now, CancellationToken cancellationToken) =>
        room.PhaseAt(now) == QueuePhase.Open
        && (await seats.GetBoardAsync(room.RoundId, cancellationToken)).AvailabilityAt(now).AvailableIds.Count == 0;

    private QueueStatus Describe(RoundWaitingRoom room, string userId, QueueStanding standing, DateTimeOffset now, bool noSeatsFree)
    {
        var phase = room.PhaseAt(now);
        var wait = standing.Kind == StandingKind.Waiting ? WaitEstimate.For(standing.Position, room.AdmissionPerMinute, room.Paused) : null;
        var poll = WaitEstimate.Spread(WaitEstimate.PollInterval(standing.Kind == StandingKind.PreQueue ? standing.Total : standing.Position, wait), Random.Shared.NextDouble());
        string? token = null;
        DateTimeOffset? expires = null;
        if (standing is { Kind: StandingKind.Admitted, AdmittedAt: { } admittedAt })
        {
            var admission = Admission.Grant(room.RoundId, userId, admittedAt, options.Value.Terms);
            if (now < admission.ExpiresAt)
            {
                token = tokens.Issue(admission);
                expires = admission.ExpiresAt;
            }
        }

        return new QueueStatus(
            room.RoundId,
            Required: true,
            Unavailable: false,
            phase,
            room.SalesOpenAt,
            standing,
            wait,
            poll,
            room.Paused,
            room.Seed.Hash,
            QueueSchedule.MayPublishSeed(room.SalesOpenAt, now) ? room.Seed.Hex : null,
            token,
            expires,
            noSeatsFree);
    }

    private static QueueStatus NotRequired(long roundId, RoundWaitingRoom? room, DateTimeOffset now) =>
        new(roundId, false, false, QueuePhase.Open, room?.SalesOpenAt ?? now, QueueStanding.None, null, WaitEstimate.PollInterval(0, null), false, null, null, null, null);

    private static QueueStatus Unavailable(RoundWaitingRoom room, DateTimeOffset now) =>
        new(room.RoundId, true, true, room.PhaseAt(now), room.SalesOpenAt, QueueStanding.None, null, TimeSpan.FromSeconds(10), room.Paused, room.Seed.Hash, null, null, null);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Waiting room of round {RoundId}: Redis does not answer; nobody is admitted until it does")]
    private static partial void LogRedisDown(ILogger logger, long roundId, Exception exception);
}
