using Microsoft.EntityFrameworkCore;
using TicketBlue.Domain.Common;
using TicketBlue.Domain.Rounds;
using TicketBlue.Infrastructure.Localization;
using TicketBlue.Infrastructure.Persistence;

namespace TicketBlue.Web.Features.Admin.Rounds;

/// <summary>
/// Keeps a hall from being booked twice. Callers lock the venue row inside their transaction, so
/// rounds of one venue are scheduled or moved one at a time, then ask whether the slot is free;
/// the domain's <see cref="Round.Overlaps"/> decides.
/// </summary>
internal static class HallSchedule
{
    public static Task LockVenueAsync(TicketBlueDbContext context, long venueId, CancellationToken cancellationToken) =>
        context.Database.ExecuteSqlInterpolatedAsync($"SELECT Id FROM Venues WHERE Id = {venueId} FOR UPDATE", cancellationToken);

    /// <summary>Throws, naming the other show, when another scheduled round of the venue overlaps this one.</summary>
    public static async Task EnsureFreeAsync(TicketBlueDbContext context, Round round, CancellationToken cancellationToken)
    {
        var nearby = await context.Rounds
            .Where(other => other.Id != round.Id && other.VenueId == round.VenueId && other.Status == RoundStatus.Scheduled
                && other.StartsAt < round.EndsAt && other.EndsAt > round.StartsAt)
            .ToListAsync(cancellationToken);
        if (nearby.FirstOrDefault(other => other.Overlaps(round.StartsAt, round.EndsAt)) is { } clash)
        {
            var title = await context.Performances.Where(p => p.Id == clash.PerformanceId).Select(p => p.Title).SingleAsync(cancellationToken);
            throw ErrorTexts.Refusal("round.overlap", title, SeoulTime.ToSeoul(clash.StartsAt), SeoulTime.ToSeoul(clash.EndsAt));
        }
    }
}
