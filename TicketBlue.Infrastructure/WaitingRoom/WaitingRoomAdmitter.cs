using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using StackExchange.Redis;
using TicketBlue.Domain.Booking;
using TicketBlue.Domain.Reservations;
using TicketBlue.Domain.Rounds;
using TicketBlue.Domain.WaitingRoom;
using TicketBlue.Infrastructure.Booking;
using TicketBlue.Infrastructure.Observability;
using TicketBlue.Infrastructure.Persistence;

namespace TicketBlue.Infrastructure.WaitingRoom;

/// <summary>
/// Lets people in, on every node, every <see cref="WaitingRoomOptions.AdmissionInterval"/>. For each
/// round in use, the node that takes the round's Redis lock (the others skip that tick): shuffles the
/// pre-queue once the sales open, ends admissions of customers who did not hold seats in time, and
/// admits the next people within the rate and the free places. The rate is a budget of time since the
/// last tick stored in Redis, so it holds however many nodes tick and whichever one does.
/// </summary>
public sealed partial class WaitingRoomAdmitter(
    WaitingRoomKeyspace keyspace,
    WaitingRoomSettingsReader settings,
    IRoundSeatFeed seats,
    IDbContextFactory<TicketBlueDbContext> contextFactory,
    IOptions<WaitingRoomOptions> options,
    TicketBlueMetrics metrics,
    TimeProvider clock,
    ILogger<WaitingRoomAdmitter> logger) : BackgroundService
{
    /// <summary>Admissions checked for holds per round and tick.</summary>
    public const int CheckBatch = 500;

    /// <summary>How often a node renews the expiry of a round's keys (new keys appear as the line moves).</summary>
    private static readonly TimeSpan ExpiryRenewal = TimeSpan.FromMinutes(1);

    private readonly string _owner = $"{Environment.MachineName}:{Environment.ProcessId}:{Guid.NewGuid():N}";
    private readonly System.Collections.Concurrent.ConcurrentDictionary<long, DateTimeOffset> _expirySet = new();

    /// <summary>One tick over every round in use; returns how many people came in.</summary>
    public async Task<int> TickAsync(CancellationToken cancellationToken)
    {
        var admitted = 0;
        foreach (var member in await keyspace.Redis.SetMembersAsync(keyspace.ActiveRounds))
        {
            admitted += await TickRoundAsync((long)member, cancellationToken);
        }

        return admitted;
    }

    /// <summary>One tick for one round, when this node gets its lock; returns how many came in.</summary>
    public async Task<int> TickRoundAsync(long roundId, CancellationToken cancellationToken)
    {
        var room = await settings.ForRoundAsync(roundId, cancellationToken);
        var now = clock.GetUtcNow();
        if (room is not { Enabled: true } || room.IsOver(now))
        {
            await keyspace.Redis.SetRemoveAsync(keyspace.ActiveRounds, roundId);
            metrics.Waiting(roundId, null);
            return 0;
        }

        var line = keyspace.Line(roundId);
        var beforeOpening = room.PhaseAt(now) == QueuePhase.PreQueue;
        metrics.Waiting(roundId, await line.WaitingCountAsync(beforeOpening));
        if (beforeOpening)
        {
            await RenewExpiryAsync(line, room, now);
            return 0;
        }

        var lease = options.Value.AdmissionInterval * 5;
        if (!await line.TryLockAsync(_owner, lease))
        {
            return 0;
        }

        try
        {
            var state = await line.StateAsync();
            if (!state.Placed)
            {
                await ShuffleAsync(line, room);
            }

            await EndUnusedAdmissionsAsync(line, now, cancellationToken);

            var terms = options.Value.Terms;
            var elapsed = state.LastTick is { } last ? now - last : options.Value.AdmissionInterval;
            var active = await line.AdmittedCountAsync();
            var board = await seats.GetBoardAsync(roundId, cancellationToken);
            var freeSeats = board.AvailabilityAt(now).AvailableIds.Count;
            var holders = await HoldersAsync(roundId, now, cancellationToken);
            var taken = board.Seats.Values.Count(seat => seat.ViewFor(null, now) is SeatView.HeldByOthers or SeatView.Sold);
            var seatsPerPerson = holders == 0 ? 1 : taken / (double)holders;
            var (count, carry) = AdmissionBudget.Compute(room.AdmissionPerMinute, elapsed, state.Carry, active, room.MaxActive, room.Paused, freeSeats, active - holders, seatsPerPerson);
            var (admitted, dropped) = await line.AdmitAsync(count, room.MaxActive, carry, now, QueueGrace.StaleBefore(now, options.Value.Grace), terms.NextCheck(now));
            if (admitted + dropped > 0)
            {
                LogAdmitted(logger, roundId, admitted, dropped);
            }

            metrics.Admitted(admitted);

            await RenewExpiryAsync(line, room, now);
            return admitted;
        }
        finally
        {
            await line.UnlockAsync(_owner);
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.AdmitterEnabled)
        {
            return;
        }

        using var timer = new PeriodicTimer(options.Value.AdmissionInterval, clock);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                try
                {
                    await TickAsync(stoppingToken);
                }
                catch (Exception exception) when (exception is RedisException or DbUpdateException or InvalidOperationException or TimeoutException)
                {
                    // Redis or MariaDB away: nobody is admitted this tick; the next one tries again.
                    LogTickFailed(logger, exception);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down.
        }
    }

    /// <summary>Keeps the line's keys (including ones made since the last renewal) expiring a day after the round starts.</summary>
    private async Task RenewExpiryAsync(RedisWaitingLine line, RoundWaitingRoom room, DateTimeOffset now)
    {
        if (!_expirySet.TryGetValue(room.RoundId, out var renewed) || now - renewed >= ExpiryRenewal)
        {
            await line.ExpireAtAsync(room.ForgottenAt);
            _expirySet[room.RoundId] = now;
        }
    }

    /// <summary>
    /// How many customers of the round hold seats now or have an order: with the people let in, the
    /// difference is those admitted who have no seat yet. (Customers who got seats before the waiting
    /// room was turned on count too; the budget then frees nothing for them.)
    /// </summary>
    private async Task<long> HoldersAsync(long roundId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var context = await contextFactory.CreateDbContextAsync(cancellationToken);
        var holding = context.SeatHolds.Where(hold => hold.RoundId == roundId && hold.Status == SeatHoldStatus.Active && hold.ExpiresAt > now).Select(hold => hold.UserId);
        var ordered = context.Reservations.Where(reservation => reservation.RoundId == roundId && (reservation.Status == ReservationStatus.PendingPayment || reservation.Status == ReservationStatus.Confirmed)).Select(reservation => reservation.UserId);
        return await holding.Union(ordered).LongCountAsync(cancellationToken);
    }

    /// <summary>The opening came: closes the pre-queue and puts it in the seed's order (idempotent).</summary>
    private async Task ShuffleAsync(RedisWaitingLine line, RoundWaitingRoom room)
    {
        var numbers = await line.SealAsync();
        await line.PlaceAsync(PreQueueShuffle.Order(room.Seed, numbers));
        LogShuffled(logger, room.RoundId, numbers.Count, room.Seed.Hash);
    }

    /// <summary>Admissions whose check is due keep their place only while their customer holds seats or has an order to pay.</summary>
    private async Task EndUnusedAdmissionsAsync(RedisWaitingLine line, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var terms = options.Value.Terms;
        var due = await line.DueAdmissionsAsync(now, terms, CheckBatch);
        if (due.Count == 0)
        {
            return;
        }

        var busy = await HoldingOrOrderingAsync(line.Keys.RoundId, due.Select(admission => admission.UserId).ToList(), now, cancellationToken);
        var keep = due.Where(admission => AdmissionTerms.Keeps(admission, busy.Contains(admission.UserId), now)).Select(admission => admission.UserId).ToList();
        var end = due.Select(admission => admission.UserId).Except(keep, StringComparer.Ordinal).ToList();
        await line.KeepAsync(keep, terms.NextCheck(now));
        var ended = await line.RevokeAsync(end);
        if (ended > 0)
        {
            LogEnded(logger, line.Keys.RoundId, ended);
        }
    }

    private async Task<HashSet<string>> HoldingOrOrderingAsync(long roundId, IReadOnlyCollection<string> userIds, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var context = await contextFactory.CreateDbContextAsync(cancellationToken);
        var holding = await context.SeatHolds.AsNoTracking()
            .Where(hold => hold.RoundId == roundId && userIds.Contains(hold.UserId) && hold.Status == SeatHoldStatus.Active && hold.ExpiresAt > now)
            .Select(hold => hold.UserId)
            .ToListAsync(cancellationToken);
        var ordering = await context.Reservations.AsNoTracking()
            .Where(reservation => reservation.RoundId == roundId && userIds.Contains(reservation.UserId) && reservation.Status == ReservationStatus.PendingPayment)
            .Select(reservation => reservation.UserId)
            .ToListAsync(cancellationToken);
        return holding.Concat(ordering).ToHashSet(StringComparer.Ordinal);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Waiting room of round {RoundId}: {Admitted} admitted, {Dropped} dropped as gone")]
    private static partial void LogAdmitted(ILogger logger, long roundId, int admitted, int dropped);

    [LoggerMessage(Level = LogLevel.Information, Message = "Waiting room of round {RoundId}: pre-queue of {Count} shuffled with the seed whose SHA-256 is {SeedHash}")]
    private static partial void LogShuffled(ILogger logger, long roundId, int count, string seedHash);

    [LoggerMessage(Level = LogLevel.Information, Message = "Waiting room of round {RoundId}: {Ended} admissions ended without a hold")]
    private static partial void LogEnded(ILogger logger, long roundId, long ended);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Waiting room admission tick failed; retrying at the next tick")]
    private static partial void LogTickFailed(ILogger logger, Exception exception);
}
