using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using TicketBlue.Infrastructure.Persistence;

namespace TicketBlue.Infrastructure.Caching;

/// <summary>
/// Which performance a round belongs to, read once per round and node: a round never moves to another
/// performance, so the answer is kept for the life of the process (a few bytes per round).
/// </summary>
public sealed class RoundPerformances(IDbContextFactory<TicketBlueDbContext> contextFactory)
{
    private readonly ConcurrentDictionary<long, long> _known = new();

    /// <summary>The round's performance id, or null for a round that does not exist.</summary>
    public async Task<long?> FindAsync(long roundId, CancellationToken cancellationToken)
    {
        if (_known.TryGetValue(roundId, out var known))
        {
            return known;
        }

        await using var context = await contextFactory.CreateDbContextAsync(cancellationToken);
        var found = await context.Rounds
            .AsNoTracking()
            .Where(round => round.Id == roundId)
            .Select(round => (long?)round.PerformanceId)
            .FirstOrDefaultAsync(cancellationToken);
        if (found is { } performanceId)
        {
            _known.TryAdd(roundId, performanceId);
        }

        return found;
    }
}
