using Microsoft.EntityFrameworkCore;
using TicketBlue.Domain.Rounds;
using TicketBlue.Infrastructure.Persistence;

namespace TicketBlue.Web.Features.Catalog.Performances;

/// <summary>Remaining seats of rounds, counted in MariaDB by the model's own availability rule (ADR-002).</summary>
internal static class RemainingSeatsQuery
{
    /// <summary>One row per round and grade with seats available at <paramref name="now"/>: free, or held by a hold already run out.</summary>
    public static async Task<IReadOnlyList<RemainingCount>> CountAsync(
        TicketBlueDbContext context,
        IReadOnlyList<long> roundIds,
        DateTimeOffset now,
        CancellationToken cancellationToken)
    {
        var ids = roundIds.ToList();
        var rows = await context.RoundSeats
            .AsNoTracking()
            .Where(seat => EF.Constant(ids).Contains(seat.RoundId))
            .Where(RoundSeat.AvailableAt(now))
            .GroupBy(seat => new { seat.RoundId, seat.Grade })
            .Select(group => new { group.Key.RoundId, group.Key.Grade, Count = group.Count() })
            .ToListAsync(cancellationToken);
        return rows.Select(row => new RemainingCount(row.RoundId, row.Grade.Code, row.Count)).ToList();
    }

    /// <summary>
    /// When each round's first live hold runs out (its seat becomes available without any write),
    /// for rounds that have one: a cached count must not outlive that instant.
    /// </summary>
    public static async Task<Dictionary<long, DateTimeOffset>> NextHoldExpiryAsync(
        TicketBlueDbContext context,
        IReadOnlyList<long> roundIds,
        DateTimeOffset now,
        CancellationToken cancellationToken)
    {
        var ids = roundIds.ToList();
        var rows = await context.RoundSeats
            .AsNoTracking()
            .Where(seat => EF.Constant(ids).Contains(seat.RoundId))
            .Where(RoundSeat.HeldAt(now))
            .GroupBy(seat => seat.RoundId)
            .Select(group => new { RoundId = group.Key, First = group.Min(seat => seat.HoldExpiresAt) })
            .ToListAsync(cancellationToken);
        return rows.Where(row => row.First is not null).ToDictionary(row => row.RoundId, row => row.First!.Value);
    }
}
