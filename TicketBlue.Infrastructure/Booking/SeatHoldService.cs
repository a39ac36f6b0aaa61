using System.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.Logging;
using MySqlConnector;
using TicketBlue.Domain.Common;
using TicketBlue.Domain.Holds;
using TicketBlue.Domain.Rounds;
using TicketBlue.Infrastructure.Checkout;
using TicketBlue.Infrastructure.Persistence;

namespace TicketBlue.Infrastructure.Booking;

/// <summary>
/// The hold hot path (ADR-004): one short READ COMMITTED transaction per request. The domain
/// (<see cref="SeatHold.Start"/>) decides whether the customer may hold these seats; one conditional
/// UPDATE takes them all or the transaction rolls back; the unique inventory row per seat makes the
/// database the final arbiter. Seat maps hear about the change only after it commits.
/// </summary>
public sealed partial class SeatHoldService(
    IDbContextFactory<TicketBlueDbContext> contextFactory,
    IRoundSeatFeed feed,
    HoldConcurrencyGate gate,
    TimeProvider clock,
    ILogger<SeatHoldService> logger) : ISeatHoldService
{
    public Task<HoldResult> HoldAsync(string userId, long roundId, IReadOnlyCollection<long> roundSeatIds, CancellationToken cancellationToken) =>
        RetryWhenBusyAsync(() => TryHoldAsync(userId, roundId, roundSeatIds, cancellationToken), HoldResult.Failed(Busy), roundId);

    public Task<HoldResult> ExtendAsync(string userId, Guid holdId, CancellationToken cancellationToken) =>
        RetryWhenBusyAsync(() => TryExtendAsync(userId, holdId, cancellationToken), HoldResult.Failed(Busy), 0);

    public Task<HoldFailure?> ReleaseAsync(string userId, Guid holdId, CancellationToken cancellationToken) =>
        RetryWhenBusyAsync(() => TryReleaseAsync(userId, holdId, cancellationToken), Busy, 0);

    private async Task<HoldResult> TryExtendAsync(string userId, Guid holdId, CancellationToken cancellationToken)
    {
        var now = Now();
        await using var context = await contextFactory.CreateDbContextAsync(cancellationToken);
        var hold = await context.SeatHolds.SingleOrDefaultAsync(candidate => candidate.Id == holdId && candidate.UserId == userId, cancellationToken);
        if (hold is null)
        {
            return HoldResult.Failed(NotFound());
        }

        var round = await FindRoundAsync(context, hold.RoundId, cancellationToken)
            ?? throw new InvalidOperationException($"Round {hold.RoundId} of hold {holdId} is missing.");
        IReadOnlyList<SeatRow> seats;
        try
        {
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
            return HoldResult.Failed(new HoldFailure("hold.changed", "선점 정보가 방금 바뀌었습니다. 화면을 새로 고쳐 주세요.", []));
        }

        await feed.PublishAsync(hold.RoundId, seats.Select(seat => seat.ToStatus()).ToList());
        return HoldResult.Success(View(hold, round, seats, now));
    }

    private async Task<HoldFailure?> TryReleaseAsync(string userId, Guid holdId, CancellationToken cancellationToken)
    {
        var now = Now();
        await using var context = await contextFactory.CreateDbContextAsync(cancellationToken);
        var hold = await context.SeatHolds.SingleOrDefaultAsync(candidate => candidate.Id == holdId && candidate.UserId == userId, cancellationToken);
        if (hold is null)
        {
            return NotFound();
        }

        IReadOnlyList<SeatRow> freed;
        try
        {
            hold.Release(now);
            await using var transaction = await context.Database.BeginTransactionAsync(IsolationLevel.ReadCommitted, cancellationToken);
            var (connection, dbTransaction) = Raw(context, transaction);
            var owned = await HoldStatements.LockHoldSeatsAsync(connection, dbTransaction, holdId, cancellationToken);
            await HoldStatements.FreeHoldSeatsAsync(connection, dbTransaction, holdId, cancellationToken);
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
            return new HoldFailure("hold.changed", "선점 정보가 방금 바뀌었습니다. 화면을 새로 고쳐 주세요.", []);
        }

        var changes = freed.Select(seat => new SeatStatus(seat.Id, SeatState.Available, null, null) { Version = seat.Version + 1 }).ToList();
        await feed.PublishAsync(hold.RoundId, changes);
        return null;
    }

    public async Task<IReadOnlyList<HoldView>> ActiveHoldsAsync(string userId, long? roundId, CancellationToken cancellationToken)
    {
        var now = Now();
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

    private async Task<HoldResult> TryHoldAsync(string userId, long roundId, IReadOnlyCollection<long> roundSeatIds, CancellationToken cancellationToken)
    {
        var now = Now();
        if (await TakenOnTheBoardAsync(roundId, roundSeatIds, now, cancellationToken) is { } early)
        {
            return HoldResult.Failed(early);
        }

        using var slot = await gate.EnterAsync(cancellationToken);
        await using var context = await contextFactory.CreateDbContextAsync(cancellationToken);
        await using var transaction = await context.Database.BeginTransactionAsync(IsolationLevel.ReadCommitted, cancellationToken);
        var (connection, dbTransaction) = Raw(context, transaction);

        var round = await FindRoundAsync(context, roundId, cancellationToken);
        if (round is null)
        {
            return HoldResult.Failed(new HoldFailure("round.not_found", "없는 회차입니다.", []));
        }

        SeatHold hold;
        try
        {
            var owned = await HoldStatements.LockCustomerAndCountOwnedAsync(connection, dbTransaction, userId, roundId, now, cancellationToken);
            hold = SeatHold.Start(round, userId, roundSeatIds, owned, now);
        }
        catch (DomainException exception)
        {
            return HoldResult.Failed(exception);
        }

        var seats = await HoldStatements.TakeSeatsAsync(connection, dbTransaction, roundId, roundSeatIds, hold.Id, userId, hold.ExpiresAt, now, cancellationToken);
        var taken = seats.Where(seat => seat.HoldId == hold.Id).ToList();
        if (taken.Count != roundSeatIds.Count)
        {
            // All or none: roll back what this request took and name what it could not have.
            await transaction.RollbackAsync(cancellationToken);
            return HoldResult.Failed(Lost(roundSeatIds, seats, hold.Id));
        }

        context.SeatHolds.Add(hold);
        await context.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);

        await feed.PublishAsync(roundId, taken.Select(seat => seat.ToStatus()).ToList());
        return HoldResult.Success(View(hold, round, taken, now));
    }

    // Not EF.CompileAsyncQuery: a compiled query is bound to the first model it met, and every test
    // host builds its own model. EF's query cache makes this one nearly as cheap.
    private static Task<Round?> FindRoundAsync(TicketBlueDbContext context, long roundId, CancellationToken cancellationToken) =>
        context.Rounds.AsNoTracking().SingleOrDefaultAsync(round => round.Id == roundId, cancellationToken);

    /// <summary>
    /// In a rush most hold requests are for seats someone took a moment earlier. When this node's live
    /// board (current to within milliseconds while it hears every node) already shows a requested seat
    /// taken, the request is refused without a database transaction. A seat the board shows free still
    /// goes through the database, which alone decides who gets it (ADR-004).
    /// </summary>
    private async Task<HoldFailure?> TakenOnTheBoardAsync(long roundId, IReadOnlyCollection<long> roundSeatIds, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (!feed.IsLive)
        {
            return null;
        }

        var board = await feed.GetBoardAsync(roundId, cancellationToken);
        var taken = roundSeatIds
            .Where(id => board.Seats.TryGetValue(id, out var seat) && !seat.IsAvailableAt(now) && board.Labels.ContainsKey(id))
            .Select(id => new HeldSeat(id, board.Labels[id], board.Prices[id].Grade, board.Prices[id].Price))
            .ToList();
        return taken.Count == 0 ? null : Unavailable(taken);
    }

    private static HoldFailure Unavailable(IReadOnlyList<HeldSeat> lost)
    {
        var names = string.Join(", ", lost.Select(seat => $"{seat.Grade}석 {seat.Label}"));
        return new HoldFailure("seat.unavailable", $"{names} 좌석은 방금 다른 고객이 선택했거나 판매할 수 없는 좌석입니다. 다른 좌석을 선택해 주세요.", lost);
    }

    private static HoldFailure Lost(IReadOnlyCollection<long> requested, IReadOnlyList<SeatRow> seats, Guid holdId)
    {
        var known = seats.Select(seat => seat.Id).ToHashSet();
        if (requested.Any(id => !known.Contains(id)))
        {
            return new HoldFailure("seat.not_found", "이 회차에 없는 좌석이 선택되었습니다. 화면을 새로 고친 뒤 다시 선택해 주세요.", []);
        }

        return Unavailable(seats.Where(seat => seat.HoldId != holdId).Select(seat => seat.ToHeldSeat()).ToList());
    }

    internal static HoldView View(SeatHold hold, Round round, IReadOnlyList<SeatRow> seats, DateTimeOffset now) =>
        new(hold.Id, hold.RoundId, hold.CreatedAt, hold.ExpiresAt, hold.CanExtend(round.HoldPolicy, now), seats.Select(seat => seat.ToHeldSeat()).ToList());

    /// <summary>Now, to the microsecond MariaDB keeps: the expiry a customer is told is the one stored.</summary>
    private DateTimeOffset Now()
    {
        var now = clock.GetUtcNow();
        return now.AddTicks(-(now.UtcTicks % TimeSpan.TicksPerMicrosecond));
    }

    private static readonly HoldFailure Busy = new("hold.busy", "지금 예매 요청이 몰려 처리하지 못했습니다. 잠시 후 다시 시도해 주세요.", []);

    /// <summary>
    /// Runs a whole transaction again once after a deadlock or lock-wait timeout — another request was
    /// in the way for a moment — and answers "busy" if it happens twice, never a 500.
    /// </summary>
    private async Task<T> RetryWhenBusyAsync<T>(Func<Task<T>> attempt, T busy, long roundId)
    {
        for (var round = 1; ; round++)
        {
            try
            {
                return await attempt();
            }
            catch (Exception exception) when (TransientError(exception) is { } error)
            {
                LogBusy(logger, roundId, round, error);
                if (round == 2)
                {
                    return busy;
                }
            }
        }
    }

    private static MySqlErrorCode? TransientError(Exception exception) =>
        (exception as MySqlException ?? exception.InnerException as MySqlException) is { } mySql && IsTransient(mySql) ? mySql.ErrorCode : null;

    private static HoldFailure NotFound() => new("hold.not_found", "선점 내역을 찾을 수 없습니다.", []);

    private static (System.Data.Common.DbConnection Connection, System.Data.Common.DbTransaction Transaction) Raw(TicketBlueDbContext context, IDbContextTransaction transaction) =>
        (context.Database.GetDbConnection(), transaction.GetDbTransaction());

    /// <summary>Deadlock (1213) or lock wait timeout (1205): safe to retry the whole transaction.</summary>
    private static bool IsTransient(MySqlException exception) =>
        exception.ErrorCode is MySqlErrorCode.LockDeadlock or MySqlErrorCode.LockWaitTimeout;

    [LoggerMessage(Level = LogLevel.Warning, Message = "Hold on round {RoundId} hit a lock conflict (attempt {Attempt}, {Error})")]
    private static partial void LogBusy(ILogger logger, long roundId, int attempt, MySqlErrorCode error);
}
