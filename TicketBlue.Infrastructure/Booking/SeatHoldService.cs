using System.Data;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using MySqlConnector;
using TicketBlue.Domain.Common;
using TicketBlue.Domain.Booking;
using TicketBlue.Domain.Reservations;
using TicketBlue.Domain.Rounds;
using TicketBlue.Infrastructure.Checkout;
using TicketBlue.Infrastructure.Observability;
using TicketBlue.Infrastructure.Persistence;

namespace TicketBlue.Infrastructure.Booking;

/// <summary>
/// The hold hot path (ADR-004). New holds are written together with the other requests of the
/// moment (<see cref="HoldBatcher"/>, <see cref="HoldBatchWriter"/>): the domain
/// (<see cref="SeatHold.Start"/>) decides whether each customer may hold the seats, one conditional
/// UPDATE takes them, a hold that could not have all its seats gets none, and the unique inventory
/// row per seat makes the database the final arbiter. Extending and releasing are one short READ
/// COMMITTED transaction each. Seat maps hear about a change only after it commits.
/// </summary>
public sealed partial class SeatHoldService(
    IDbContextFactory<TicketBlueDbContext> contextFactory,
    IRoundSeatFeed feed,
    HoldBatcher batcher,
    PublicRounds publicRounds,
    TicketBlueMetrics metrics,
    TimeProvider clock,
    ILogger<SeatHoldService> logger) : ISeatHoldService
{
    /// <summary>
    /// Refused at once when this node's live board already shows a seat taken; otherwise written with
    /// the other requests of the moment in one transaction (<see cref="HoldBatcher"/>).
    /// </summary>
    public async Task<HoldResult> HoldAsync(string userId, long roundId, IReadOnlyCollection<long> roundSeatIds, CancellationToken cancellationToken)
    {
        var started = clock.GetTimestamp();
        var result = await TakenOnTheBoardAsync(userId, roundId, roundSeatIds, clock.GetUtcNow(), cancellationToken) is { } early
            ? HoldResult.Failed(early)
            : await batcher.HoldAsync(userId, roundId, roundSeatIds, cancellationToken);
        metrics.HoldAnswered(result.Succeeded, clock.GetElapsedTime(started));
        return result;
    }

    public Task<HoldResult> ExtendAsync(string userId, Guid holdId, CancellationToken cancellationToken) =>
        RetryWhenBusyAsync(() => TryExtendAsync(userId, holdId, cancellationToken), HoldResult.Failed(HoldFailures.Busy), holdId);

    public Task<HoldFailure?> ReleaseAsync(string userId, Guid holdId, CancellationToken cancellationToken) =>
        RetryWhenBusyAsync(() => TryReleaseAsync(userId, holdId, cancellationToken), HoldFailures.Busy, holdId);

    private async Task<HoldResult> TryExtendAsync(string userId, Guid holdId, CancellationToken cancellationToken)
    {
        var now = clock.GetStoredNow();
        await using var context = await contextFactory.CreateDbContextAsync(cancellationToken);
        var hold = await context.SeatHolds.SingleOrDefaultAsync(candidate => candidate.Id == holdId && candidate.UserId == userId, cancellationToken);
        if (hold is null)
        {
            return HoldResult.Failed(HoldFailures.NotFound());
        }

        var (round, performanceStatus) = await RoundsForSale.FindAsync(context, hold.RoundId, cancellationToken)
            ?? throw new InvalidOperationException($"Round {hold.RoundId} of hold {holdId} is missing.");
        IReadOnlyList<SeatRow> seats;
        try
        {
            // A show taken down after the hold began is sold no more: its hold runs out as it is.
            Round.EnsureShown(performanceStatus);
            var expiresAt = hold.Extend(round.HoldPolicy, now);
            await using var transaction = await context.Database.BeginTransactionAsync(IsolationLevel.ReadCommitted, cancellationToken);
            var (connection, dbTransaction) = Raw(context, transaction);
            var moved = await HoldStatements.ExtendHoldSeatsAsync(connection, dbTransaction, holdId, expiresAt, now, cancellationToken);
            if (moved == 0)
            {
                throw new DomainException("hold.expired", "선점 시간이 지나 좌석이 해제되었습니다.");
            }

            // ExtensionsUsed is a concurrency token: two extends at once give one extension.
            await context.SaveChangesAsync(cancellationToken);
            seats = await HoldStatements.LockHoldSeatsAsync(connection, dbTransaction, holdId, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
        catch (DomainException exception)
        {
            return HoldResult.Failed(exception);
        }
        catch (DbUpdateConcurrencyException)
        {
            return HoldResult.Failed(HoldFailures.Changed());
        }

        await feed.PublishAsync(hold.RoundId, seats.Select(seat => seat.ToStatus()).ToList());
        return HoldResult.Success(View(hold, round, seats, now));
    }

    private async Task<HoldFailure?> TryReleaseAsync(string userId, Guid holdId, CancellationToken cancellationToken)
    {
        var now = clock.GetStoredNow();
        await using var context = await contextFactory.CreateDbContextAsync(cancellationToken);
        var hold = await context.SeatHolds.SingleOrDefaultAsync(candidate => candidate.Id == holdId && candidate.UserId == userId, cancellationToken);
        if (hold is null)
        {
            return HoldFailures.NotFound();
        }

        IReadOnlyList<SeatRow> freed;
        try
        {
            hold.Release(now);
            await using var transaction = await context.Database.BeginTransactionAsync(IsolationLevel.ReadCommitted, cancellationToken);
            var (connection, dbTransaction) = Raw(context, transaction);
            var owned = await HoldStatements.LockHoldSeatsAsync(connection, dbTransaction, holdId, cancellationToken);
            await HoldStatements.FreeHoldSeatsAsync(connection, dbTransaction, [holdId], cancellationToken);
            await UnpaidOrders.EndForReleasedHoldAsync(context, holdId, now, cancellationToken);
            await context.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            freed = owned;
        }
        catch (DomainException exception)
        {
            return HoldFailure.From(exception);
        }
        catch (DbUpdateConcurrencyException)
        {
            return HoldFailures.Changed();
        }

        var changes = freed.Select(seat => new SeatStatus(seat.Id, SeatState.Available, null, null) { Version = seat.Version + 1 }).ToList();
        await feed.PublishAsync(hold.RoundId, changes);
        return null;
    }

    public async Task<int> SeatsBoughtAsync(string userId, long roundId, CancellationToken cancellationToken)
    {
        // OwnedSeats.Bought, as the hold path counts it (HoldBatchStatements.LockCustomersAndCountOwnedAsync):
        // an unpaid order's seats are its hold's, counted with the holds, not here. OwnedSeatsSqlTests holds them together.
        await using var context = await contextFactory.CreateDbContextAsync(cancellationToken);
        return await context.Reservations.AsNoTracking()
            .Where(reservation => reservation.UserId == userId && reservation.RoundId == roundId && reservation.Status != ReservationStatus.PendingPayment)
            .SelectMany(reservation => reservation.Seats)
            .CountAsync(seat => seat.ActiveRoundSeatId != null, cancellationToken);
    }

    public async Task<IReadOnlyList<HoldView>> ActiveHoldsAsync(string userId, long? roundId, CancellationToken cancellationToken)
    {
        var now = clock.GetStoredNow();
        await using var context = await contextFactory.CreateDbContextAsync(cancellationToken);
        var holds = await context.SeatHolds
            .AsNoTracking()
            .Where(hold => hold.UserId == userId && hold.Status == SeatHoldStatus.Active && hold.ExpiresAt > now)
            .Where(hold => roundId == null || hold.RoundId == roundId)
            .OrderByDescending(hold => hold.CreatedAt)
            .ToListAsync(cancellationToken);
        if (holds.Count == 0)
        {
            return [];
        }

        var roundIds = holds.Select(hold => hold.RoundId).Distinct().ToList();
        var rounds = await context.Rounds.AsNoTracking().Where(round => roundIds.Contains(round.Id)).ToDictionaryAsync(round => round.Id, cancellationToken);
        await context.Database.OpenConnectionAsync(cancellationToken);
        var seats = await HoldStatements.ReadHeldSeatsAsync(context.Database.GetDbConnection(), holds.Select(hold => hold.Id).ToList(), cancellationToken);
        var seatsByHold = seats.ToLookup(seat => seat.HoldId);
        return holds
            .Select(hold => View(hold, rounds[hold.RoundId], seatsByHold[hold.Id].ToList(), now))
            .Where(view => view.Seats.Count > 0)
            .ToList();
    }

    /// <summary>
    /// In a rush most hold requests are for seats someone took a moment earlier. When this node's live
    /// board (current to within milliseconds while it hears every node) already shows a requested seat
    /// taken, the request is refused without a database transaction. A seat the board shows free still
    /// goes through the database, which alone decides who gets it (ADR-004).
    /// </summary>
    private async Task<HoldFailure?> TakenOnTheBoardAsync(string userId, long roundId, IReadOnlyCollection<long> roundSeatIds, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (!feed.IsLive)
        {
            return null;
        }

        var board = await feed.GetBoardAsync(roundId, cancellationToken);
        var taken = roundSeatIds
            .Where(id => board.Seats.TryGetValue(id, out var seat) && !seat.IsAvailableAt(now) && board.Labels.ContainsKey(id))
            .ToList();
        if (taken.Count == 0)
        {
            return null;
        }

        if (!await publicRounds.IsShownAsync(roundId, cancellationToken))
        {
            // A show taken down keeps its seats' states: they must not tell that its round exists.
            return HoldFailures.RoundNotFound;
        }

        var seats = taken.Select(id => new HeldSeat(id, board.Labels[id], board.Prices[id].Grade, board.Prices[id].Price)).ToList();
        return HoldFailures.Taken(seats, taken.All(id => board.Seats[id].IsHeldBy(userId, now)));
    }

    internal static HoldView View(SeatHold hold, Round round, IReadOnlyList<SeatRow> seats, DateTimeOffset now) =>
        new(hold.Id, hold.RoundId, hold.CreatedAt, hold.ExpiresAt, hold.CanExtend(round.HoldPolicy, now), seats.Select(seat => seat.ToHeldSeat()).ToList());

    /// <summary>
    /// Runs a whole transaction again once after a deadlock or lock-wait timeout — another request was
    /// in the way for a moment — and answers "busy" if it happens twice, never a 500.
    /// </summary>
    private async Task<T> RetryWhenBusyAsync<T>(Func<Task<T>> attempt, T busy, Guid holdId)
    {
        for (var round = 1; ; round++)
        {
            try
            {
                return await attempt();
            }
            catch (Exception exception) when (TransientLockErrors.Of(exception) is { } error)
            {
                LogBusy(logger, holdId, round, error);
                if (round == 2)
                {
                    return busy;
                }
            }
        }
    }

    private static (System.Data.Common.DbConnection Connection, System.Data.Common.DbTransaction Transaction) Raw(TicketBlueDbContext context, IDbContextTransaction transaction) =>
        (context.Database.GetDbConnection(), transaction.GetDbTransaction());

    [LoggerMessage(Level = LogLevel.Warning, Message = "Hold {HoldId} hit a lock conflict (attempt {Attempt}, {Error})")]
    private static partial void LogBusy(ILogger logger, Guid holdId, int attempt, MySqlErrorCode error);
}
