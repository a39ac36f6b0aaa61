using Microsoft.EntityFrameworkCore;
using TicketBlue.Domain.Performances;
using TicketBlue.Domain.Rounds;
using TicketBlue.Infrastructure.Persistence;

namespace TicketBlue.Infrastructure.Booking;

/// <summary>A round with its show's publication state: what the domain's sales rules need (<see cref="Round.EnsureOnSale"/>).</summary>
internal sealed record RoundForSale(Round Round, PerformanceStatus PerformanceStatus);

/// <summary>
/// Reads rounds for the sales paths (holds, extending, checkout, payment) with their show's state
/// joined in, in the one query that read the rounds before: the rule itself stays the domain's.
/// </summary>
internal static class RoundsForSale
{
    public static Task<Dictionary<long, RoundForSale>> ReadAsync(TicketBlueDbContext context, IReadOnlyCollection<long> roundIds, CancellationToken cancellationToken) =>
        context.Rounds
            .AsNoTracking()
            .Where(round => roundIds.Contains(round.Id))
            .Join(context.Performances, round => round.PerformanceId, performance => performance.Id, (round, performance) => new RoundForSale(round, performance.Status))
            .ToDictionaryAsync(sale => sale.Round.Id, cancellationToken);

    public static async Task<RoundForSale?> FindAsync(TicketBlueDbContext context, long roundId, CancellationToken cancellationToken) =>
        (await ReadAsync(context, [roundId], cancellationToken)).GetValueOrDefault(roundId);
}
