using System.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.Logging;
using MySqlConnector;
using TicketBlue.Domain.Rounds;
using TicketBlue.Infrastructure.Persistence;

namespace TicketBlue.Infrastructure.Booking;

/// <summary>
/// Writes one batch of hold requests in one READ COMMITTED transaction of at most seven round trips
/// (begin and commit included), however many requests it holds: the rounds; the customers locked with their seats counted; one
/// conditional UPDATE taking every claimed seat that is available now, with the seats read back;
/// the seats of holds that did not get all theirs given back; the holds inserted. Then commit,
/// then one feed message per round, then the answers. All or none per hold, the database the
/// final arbiter (the unique inventory row per seat), exactly as for a single hold.
/// </summary>
public sealed partial class HoldBatchWriter(
    IDbContextFactory<TicketBlueDbContext> contextFactory,
    IRoundSeatFeed feed,
    TimeProvider clock,
    ILogger<HoldBatchWriter> logger)
{
    /// <summary>
    /// Writes the batch and answers each of its requests, except those returned: they go first into
    /// the next batch (see <see cref="HoldBatchPlan.Deferred"/> and <see cref="HoldBatchPlan.Blocked"/>).
    /// A lock conflict (deadlock, lock-wait timeout) runs the whole batch again once, then answers "busy".
    /// </summary>
    internal async Task<IReadOnlyList<PendingHold>> WriteAsync(IReadOnlyList<PendingHold> batch)
    {
        for (var attempt = 1; ; attempt++)
        {
            Written written;
            try
            {
                written = await TryWriteAsync(batch, clock.GetStoredNow());
            }
            catch (Exception exception) when (TransientLockErrors.Of(exception) is { } error)
            {
                LogBusy(logger, batch.Count, attempt, error);
                if (attempt < 2)
                {
                    continue;
                }

                foreach (var pending in batch)
                {
                    pending.Complete(HoldResult.Failed(HoldFailures.Busy));
                }

                return [];
            }

            await PublishAsync(written.Changes);
            return Answer(written);
        }
    }

    private async Task<Written> TryWriteAsync(IReadOnlyList<PendingHold> batch, DateTimeOffset now)
    {
        await using var context = await contextFactory.CreateDbContextAsync();
        await using var transaction = await context.Database.BeginTransactionAsync(IsolationLevel.ReadCommitted);
        var connection = context.Database.GetDbConnection();
        var dbTransaction = transaction.GetDbTransaction();

        var roundIds = batch.Select(pending => pending.RoundId).Distinct().ToList();
        var rounds = await RoundsForSale.ReadAsync(context, roundIds, CancellationToken.None);
        var users = batch.Where(pending => rounds.ContainsKey(pending.RoundId)).Select(pending => pending.UserId).Distinct(StringComparer.Ordinal).ToList();
        var customers = users.Count == 0
            ? new CustomerSeats(new HashSet<string>(), new Dictionary<(string, long), int>())
            : await HoldBatchStatements.LockCustomersAndCountOwnedAsync(connection, dbTransaction, users, [.. rounds.Keys], now, CancellationToken.None);

        var plan = HoldBatchPlan.Make(batch, rounds, customers, now);
        // A blocked request always has a claim before it, so no claim means nothing to take or read.
        var seats = plan.Claims.Count == 0
            ? []
            : await HoldBatchStatements.TakeSeatsAsync(connection, dbTransaction, plan.Claims.Select(claim => claim.Hold).ToList(), plan.SeatsToRead, now, CancellationToken.None);
        var seatById = seats.ToDictionary(seat => seat.Id);

        var won = new List<(HoldClaim Claim, IReadOnlyList<SeatRow> Seats)>();
        var lost = new List<(HoldClaim Claim, HoldFailure Failure)>();
        foreach (var claim in plan.Claims)
        {
            var requested = claim.Pending.RoundSeatIds
                .Select(id => seatById.GetValueOrDefault(id))
                .Where(seat => seat is not null && seat.RoundId == claim.Hold.RoundId)
                .Select(seat => seat!)
                .ToList();
            if (requested.Count == claim.Pending.RoundSeatIds.Count && requested.All(seat => seat.HoldId == claim.Hold.Id))
            {
                won.Add((claim, requested));
            }
            else
            {
                lost.Add((claim, HoldFailures.Lost(claim.Pending.RoundSeatIds, requested, claim.Hold, now)));
            }
        }

        if (lost.Count > 0)
        {
            await HoldStatements.FreeHoldSeatsAsync(connection, dbTransaction, lost.Select(entry => entry.Claim.Hold.Id).ToList(), CancellationToken.None);
        }

        if (won.Count > 0)
        {
            context.SeatHolds.AddRange(won.Select(entry => entry.Claim.Hold));
            await context.SaveChangesAsync();
        }

        await transaction.CommitAsync();
        return new Written(plan, won, lost, seatById, Changes(won, lost, seats), now);
    }

    /// <summary>
    /// Tells the seat maps. The holds are committed whatever happens here, so a failure to tell is
    /// logged and the customers still get their answers (the feed's resync heals the maps).
    /// </summary>
    private async Task PublishAsync(Dictionary<long, List<SeatStatus>> changes)
    {
        foreach (var (roundId, statuses) in changes)
        {
            try
            {
                await feed.PublishAsync(roundId, statuses);
            }
            catch (Exception exception)
            {
                LogPublishFailed(logger, roundId, exception);
            }
        }
    }

    /// <summary>What the feed is told per round: the seats held now, and the seats of failed claims given back.</summary>
    private static Dictionary<long, List<SeatStatus>> Changes(
        IReadOnlyList<(HoldClaim Claim, IReadOnlyList<SeatRow> Seats)> won,
        IReadOnlyList<(HoldClaim Claim, HoldFailure Failure)> lost,
        IReadOnlyList<SeatRow> seats)
    {
        var changes = new Dictionary<long, List<SeatStatus>>();
        foreach (var (claim, taken) in won)
        {
            Add(claim.Hold.RoundId, taken.Select(seat => seat.ToStatus()));
        }

        var givenBack = lost.Select(entry => entry.Claim.Hold.Id).ToHashSet();
        foreach (var seat in seats.Where(seat => seat.HoldId is { } holdId && givenBack.Contains(holdId)))
        {
            Add(seat.RoundId, [new SeatStatus(seat.Id, SeatState.Available, null, null) { Version = seat.Version + 1 }]);
        }

        return changes;

        void Add(long roundId, IEnumerable<SeatStatus> statuses)
        {
            if (!changes.TryGetValue(roundId, out var list))
            {
                changes[roundId] = list = [];
            }

            list.AddRange(statuses);
        }
    }

    private static List<PendingHold> Answer(Written written)
    {
        var (plan, won, lost, seatById, _, now) = written;
        foreach (var (claim, seats) in won)
        {
            claim.Pending.Complete(HoldResult.Success(SeatHoldService.View(claim.Hold, claim.Round, seats, now)));
        }

        foreach (var (claim, failure) in lost)
        {
            claim.Pending.Complete(HoldResult.Failed(failure));
        }

        foreach (var (pending, failure) in plan.Refused)
        {
            pending.Complete(HoldResult.Failed(failure));
        }

        foreach (var pending in plan.UnknownCustomers)
        {
            pending.Fail(new InvalidOperationException($"User {pending.UserId} does not exist."));
        }

        // A blocked request is told "taken" only when every claim that blocked it holds its seats now;
        // if any of them failed, a seat it wanted may be free again, so it is decided in the next batch.
        // That always ends: carried requests go first, and the first request of a batch is never blocked.
        var carried = new List<PendingHold>(plan.Deferred);
        var winners = won.Select(entry => entry.Claim).ToHashSet();
        foreach (var blocked in plan.Blocked)
        {
            if (!blocked.By.All(winners.Contains))
            {
                carried.Add(blocked.Pending);
                continue;
            }

            var taken = blocked.Seats.Select(id => seatById[id].ToHeldSeat()).ToList();
            var ownClaims = blocked.By.All(claim => claim.Hold.UserId == blocked.Pending.UserId);
            blocked.Pending.Complete(HoldResult.Failed(HoldFailures.Taken(taken, ownClaims)));
        }

        return carried;
    }

    private sealed record Written(
        HoldBatchPlan Plan,
        IReadOnlyList<(HoldClaim Claim, IReadOnlyList<SeatRow> Seats)> Won,
        IReadOnlyList<(HoldClaim Claim, HoldFailure Failure)> Lost,
        IReadOnlyDictionary<long, SeatRow> SeatById,
        Dictionary<long, List<SeatStatus>> Changes,
        DateTimeOffset Now);

    [LoggerMessage(Level = LogLevel.Error, Message = "Holds on round {RoundId} are committed but their seat maps could not be told")]
    private static partial void LogPublishFailed(ILogger logger, long roundId, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "A batch of {Count} holds hit a lock conflict (attempt {Attempt}, {Error})")]
    private static partial void LogBusy(ILogger logger, int count, int attempt, MySqlErrorCode error);
}
