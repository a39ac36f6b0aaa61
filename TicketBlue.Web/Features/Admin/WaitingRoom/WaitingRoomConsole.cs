using Microsoft.EntityFrameworkCore;
using TicketBlue.Domain.Rounds;
using TicketBlue.Infrastructure.Caching;
using TicketBlue.Infrastructure.Persistence;
using TicketBlue.Infrastructure.WaitingRoom;

namespace TicketBlue.Web.Features.Admin.WaitingRoom;

/// <summary>A waiting room's settings as the admin form edits them.</summary>
public sealed class WaitingRoomForm
{
    public bool Enabled { get; set; } = true;

    public int AdmissionPerMinute { get; set; } = 300;

    public int MaxActive { get; set; } = 500;

    public bool Paused { get; set; }
}

/// <summary>One round's line, live: people waiting, in the pre-queue, admitted and booking now, sold.</summary>
public sealed record RoundQueueRow(
    long RoundId,
    DateTimeOffset StartsAt,
    DateTimeOffset SalesOpenAt,
    bool OwnSettings,
    WaitingRoomForm? Settings,
    QueueCounts? Counts,
    int Sold,
    bool RedisDown);

/// <summary>The admin console of a performance's waiting rooms.</summary>
public sealed record WaitingRoomConsoleView(long PerformanceId, string Title, WaitingRoomForm? PerformanceSettings, IReadOnlyList<RoundQueueRow> Rounds);

public interface IGetWaitingRoomConsoleHandler
{
    Task<WaitingRoomConsoleView?> HandleAsync(long performanceId, CancellationToken cancellationToken);
}

/// <summary>
/// Reads the settings from MariaDB and the lines' counts from Redis (a few commands per round in one
/// batch), and seats sold from MariaDB, for the console's refresh every few seconds.
/// </summary>
public sealed class GetWaitingRoomConsoleHandler(
    IDbContextFactory<TicketBlueDbContext> contextFactory,
    WaitingRoomKeyspace keyspace) : IGetWaitingRoomConsoleHandler
{
    public async Task<WaitingRoomConsoleView?> HandleAsync(long performanceId, CancellationToken cancellationToken)
    {
        await using var context = await contextFactory.CreateDbContextAsync(cancellationToken);
        var title = await context.Performances.AsNoTracking().Where(performance => performance.Id == performanceId).Select(performance => performance.Title).FirstOrDefaultAsync(cancellationToken);
        if (title is null)
        {
            return null;
        }

        var rounds = await context.Rounds.AsNoTracking()
            .Where(round => round.PerformanceId == performanceId && round.Status == RoundStatus.Scheduled)
            .OrderBy(round => round.StartsAt)
            .Select(round => new { round.Id, round.StartsAt, OpensAt = round.SalesWindow.Start })
            .ToListAsync(cancellationToken);
        var roundIds = rounds.Select(round => round.Id).ToList();
        var settings = await context.WaitingRooms.AsNoTracking()
            .Where(room => room.PerformanceId == performanceId || (room.RoundId != null && roundIds.Contains(room.RoundId.Value)))
            .ToListAsync(cancellationToken);
        var sold = await context.RoundSeats.AsNoTracking()
            .Where(seat => roundIds.Contains(seat.RoundId) && seat.State == SeatState.Sold)
            .GroupBy(seat => seat.RoundId)
            .Select(group => new { RoundId = group.Key, Count = group.Count() })
            .ToDictionaryAsync(entry => entry.RoundId, entry => entry.Count, cancellationToken);

        var performanceSettings = settings.FirstOrDefault(room => room.PerformanceId == performanceId);
        var rows = new List<RoundQueueRow>();
        foreach (var round in rounds)
        {
            var own = settings.FirstOrDefault(room => room.RoundId == round.Id);
            var effective = own ?? performanceSettings;
            QueueCounts? counts = null;
            var redisDown = false;
            if (effective is not null)
            {
                try
                {
                    counts = await keyspace.Line(round.Id).CountsAsync();
                }
                catch (Exception exception) when (RedisOutage.Is(exception))
                {
                    redisDown = true;
                }
            }

            rows.Add(new RoundQueueRow(round.Id, round.StartsAt, round.OpensAt, own is not null, effective is null ? null : FormOf(effective), counts, sold.GetValueOrDefault(round.Id), redisDown));
        }

        return new WaitingRoomConsoleView(performanceId, title, performanceSettings is null ? null : FormOf(performanceSettings), rows);
    }

    private static WaitingRoomForm FormOf(Domain.WaitingRoom.WaitingRoomSettings settings) => new()
    {
        Enabled = settings.Enabled,
        AdmissionPerMinute = settings.AdmissionPerMinute,
        MaxActive = settings.MaxActive,
        Paused = settings.Paused,
    };
}
