using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;
using TicketBlue.Infrastructure.Persistence;

namespace TicketBlue.Infrastructure.WaitingRoom;

/// <summary>
/// Reads the waiting room in force for a round from MariaDB, kept per node for
/// <see cref="WaitingRoomOptions.SettingsCacheTtl"/>: the gate runs on every hold, and two seconds'
/// delay on an admin's change is a fair price for not reading the database each time.
/// </summary>
public sealed class WaitingRoomSettingsReader(
    IDbContextFactory<TicketBlueDbContext> contextFactory,
    IMemoryCache cache,
    IOptions<WaitingRoomOptions> options)
{
    private static readonly object NoneMarker = new();

    /// <summary>The round's waiting room, or null when neither it nor its performance has one (or the round is unknown).</summary>
    public async Task<RoundWaitingRoom?> ForRoundAsync(long roundId, CancellationToken cancellationToken)
    {
        var key = CacheKey(roundId);
        if (cache.TryGetValue(key, out var cached))
        {
            return cached as RoundWaitingRoom;
        }

        var room = await ReadAsync(roundId, cancellationToken);
        if (options.Value.SettingsCacheTtl > TimeSpan.Zero)
        {
            cache.Set(key, (object?)room ?? NoneMarker, options.Value.SettingsCacheTtl);
        }

        return room;
    }

    /// <summary>Drops this node's copy at once (after an admin's change made on this node).</summary>
    public void Forget(long roundId) => cache.Remove(CacheKey(roundId));

    private async Task<RoundWaitingRoom?> ReadAsync(long roundId, CancellationToken cancellationToken)
    {
        await using var context = await contextFactory.CreateDbContextAsync(cancellationToken);
        var round = await context.Rounds.AsNoTracking()
            .Where(candidate => candidate.Id == roundId)
            .Select(candidate => new { candidate.PerformanceId, OpensAt = candidate.SalesWindow.Start, candidate.StartsAt })
            .FirstOrDefaultAsync(cancellationToken);
        if (round is null)
        {
            return null;
        }

        var rows = await context.WaitingRooms.AsNoTracking()
            .Where(settings => settings.RoundId == roundId || settings.PerformanceId == round.PerformanceId)
            .ToListAsync(cancellationToken);

        // A round's own waiting room wins over its performance's.
        var chosen = rows.FirstOrDefault(settings => settings.RoundId == roundId) ?? rows.FirstOrDefault();
        return chosen is null
            ? null
            : new RoundWaitingRoom(
                roundId,
                round.PerformanceId,
                chosen.Id,
                chosen.PerformanceId is not null,
                chosen.Enabled,
                chosen.AdmissionPerMinute,
                chosen.MaxActive,
                chosen.Paused,
                round.OpensAt,
                round.StartsAt,
                chosen.SeedFor(roundId));
    }

    private static string CacheKey(long roundId) => $"waiting-room:{roundId}";
}
