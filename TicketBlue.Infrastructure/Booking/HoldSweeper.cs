using System.Data;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MySqlConnector;
using TicketBlue.Domain.Booking;
using TicketBlue.Domain.Rounds;
using TicketBlue.Infrastructure.Persistence;

namespace TicketBlue.Infrastructure.Booking;

/// <summary>
/// Tidies holds that ran out and tells seat maps their seats are free. Correctness never waits for
/// it — an expired hold is available to the next customer at once (<see cref="RoundSeat.IsAvailableAt"/>)
/// — so it may run late, on several nodes at once (rows are taken with SKIP LOCKED), or not at all.
/// </summary>
public sealed partial class HoldSweeper(
    IDbContextFactory<TicketBlueDbContext> contextFactory,
    IRoundSeatFeed feed,
    IOptions<SeatFeedOptions> options,
    TimeProvider clock,
    ILogger<HoldSweeper> logger) : BackgroundService
{
    /// <summary>Seats tidied per transaction: short transactions, never a long lock.</summary>
    public const int BatchSize = 1000;

    /// <summary>Frees up to <see cref="BatchSize"/> run-out seats and marks their holds expired; returns how many seats.</summary>
    public async Task<int> SweepAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        await using var context = await contextFactory.CreateDbContextAsync(cancellationToken);
        await using var transaction = await context.Database.BeginTransactionAsync(IsolationLevel.ReadCommitted, cancellationToken);
        var expired = await context.Database
            .SqlQueryRaw<ExpiredSeat>(
                $"""
                SELECT Id, RoundId, Version FROM RoundSeats
                 WHERE {AvailableNowSql.ExpiredHold}
                 ORDER BY Id LIMIT {BatchSize}
                 FOR UPDATE SKIP LOCKED
                """,
                new MySqlParameter("@now", now.UtcDateTime))
            .ToListAsync(cancellationToken);
        if (expired.Count > 0)
        {
            var ids = string.Join(',', expired.Select(seat => seat.Id.ToString(CultureInfo.InvariantCulture)));
#pragma warning disable EF1002 // The list is of longs formatted invariantly: nothing from a user reaches this SQL.
            await context.Database.ExecuteSqlRawAsync(
                $"UPDATE RoundSeats SET State = 'Available', HoldId = NULL, HeldByUserId = NULL, HoldExpiresAt = NULL, Version = Version + 1 WHERE Id IN ({ids})",
                cancellationToken);
#pragma warning restore EF1002
        }

        await context.SeatHolds
            .Where(hold => hold.Status == SeatHoldStatus.Active && hold.ExpiresAt <= now)
            .ExecuteUpdateAsync(setters => setters.SetProperty(hold => hold.Status, SeatHoldStatus.Expired), cancellationToken);
        await transaction.CommitAsync(cancellationToken);

        foreach (var round in expired.GroupBy(seat => seat.RoundId))
        {
            await feed.PublishAsync(round.Key, round.Select(seat => new SeatStatus(seat.Id, SeatState.Available, null, null) { Version = seat.Version + 1 }).ToList());
        }

        return expired.Count;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.SweepInterval, clock);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                try
                {
                    while (await SweepAsync(stoppingToken) == BatchSize)
                    {
                        // A big backlog (after downtime) is cleared in batches, each its own short transaction.
                    }
                }
                catch (Exception exception) when (exception is not OperationCanceledException and not OutOfMemoryException)
                {
                    // The next tick tries again; expired holds are already free for customers meanwhile.
                    LogSweepFailed(logger, exception);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down.
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Hold sweep failed; it runs again at the next tick")]
    private static partial void LogSweepFailed(ILogger logger, Exception exception);

    private sealed record ExpiredSeat(long Id, long RoundId, int Version);
}
