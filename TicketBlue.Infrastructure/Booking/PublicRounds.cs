using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using TicketBlue.Domain.Performances;
using TicketBlue.Infrastructure.Persistence;

namespace TicketBlue.Infrastructure.Booking;

/// <summary>
/// Whether a round's show is public (<see cref="Performance.IsPublic"/>), for the anonymous availability
/// reads a rush polls thousands of times a second. The show's state is read with the round and kept per
/// round and node for <see cref="FreshFor"/>, so a show taken down stops answering within that; holds,
/// orders and payments read the state afresh in their own transactions, so nothing is sold meanwhile.
/// Only rounds that exist are kept: guessing ids cannot grow it.
/// </summary>
public sealed class PublicRounds(IDbContextFactory<TicketBlueDbContext> contextFactory, TimeProvider clock)
{
    /// <summary>How long one reading of a show's state answers for its round on this node.</summary>
    public static readonly TimeSpan FreshFor = TimeSpan.FromSeconds(2);

    private readonly ConcurrentDictionary<long, (bool Shown, DateTimeOffset ReadAt)> _known = new();

    /// <summary>True when the round exists and its show is public; false is answered as "no such round".</summary>
    public async Task<bool> IsShownAsync(long roundId, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        if (_known.TryGetValue(roundId, out var known) && now - known.ReadAt < FreshFor)
        {
            return known.Shown;
        }

        await using var context = await contextFactory.CreateDbContextAsync(cancellationToken);
        var status = await context.Rounds
            .AsNoTracking()
            .Where(round => round.Id == roundId)
            .Join(context.Performances, round => round.PerformanceId, performance => performance.Id, (_, performance) => (PerformanceStatus?)performance.Status)
            .FirstOrDefaultAsync(cancellationToken);
        if (status is not { } found)
        {
            return false;
        }

        var shown = Performance.IsPublic(found);
        _known[roundId] = (shown, now);
        return shown;
    }
}
