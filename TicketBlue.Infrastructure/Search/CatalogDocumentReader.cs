using Microsoft.EntityFrameworkCore;
using TicketBlue.Domain.Common;
using TicketBlue.Domain.Performances;
using TicketBlue.Domain.Rounds;
using TicketBlue.Infrastructure.Persistence;

namespace TicketBlue.Infrastructure.Search;

/// <summary>
/// Reads what customers may see, by id batches, without tracking: a few set-based statements per
/// batch (performances, their prices, rounds and cast), never the whole catalogue at once. Ids that
/// come back missing were deleted or hidden and leave the index.
/// </summary>
internal static class CatalogDocumentReader
{
    public static async Task<List<PerformanceDocument>> PerformancesAsync(TicketBlueDbContext context, IReadOnlyCollection<long> ids, CancellationToken cancellationToken)
    {
        var rows = await context.Performances.AsNoTracking()
            .Where(performance => ids.Contains(performance.Id) && performance.Status == PerformanceStatus.Published)
            .Select(performance => new
            {
                performance.Id,
                performance.Title,
                performance.EnglishTitle,
                performance.Category,
                performance.Summary,
                performance.VenueId,
                Venue = context.Venues.Where(venue => venue.Id == performance.VenueId)
                    .Select(venue => new { venue.Name, venue.EnglishName, venue.Region }).First(),
                // A one-row aggregate rather than the complex type itself: projecting Run directly makes
                // EF Core 9 read every column, the long description too (see CatalogQueries).
                FirstDay = context.Performances.Where(self => self.Id == performance.Id).Max(self => self.Run.First),
                LastDay = context.Performances.Where(self => self.Id == performance.Id).Max(self => self.Run.Last),
                PosterKey = performance.Poster!.Key,
            })
            .ToListAsync(cancellationToken);
        if (rows.Count == 0)
        {
            return [];
        }

        var found = rows.Select(row => row.Id).ToList();
        var prices = (await context.Set<GradePrice>().AsNoTracking()
                .Where(price => found.Contains(price.PerformanceId))
                .Select(price => new { price.PerformanceId, price.Price })
                .ToListAsync(cancellationToken))
            .ToLookup(price => price.PerformanceId, price => price.Price.Won);
        var rounds = (await context.Rounds.AsNoTracking()
                .Where(round => found.Contains(round.PerformanceId) && round.Status == RoundStatus.Scheduled)
                .Select(round => new { round.PerformanceId, round.StartsAt })
                .ToListAsync(cancellationToken))
            .ToLookup(round => round.PerformanceId, round => SeoulTime.DateOf(round.StartsAt));
        var cast = (await context.Set<CastMember>().AsNoTracking()
                .Where(member => found.Contains(member.PerformanceId))
                .Join(
                    context.Performers.Where(performer => !performer.IsArchived),
                    member => member.PerformerId,
                    performer => performer.Id,
                    (member, performer) => new { member.PerformanceId, member.SortOrder, performer.Name, performer.EnglishName, member.Role })
                .ToListAsync(cancellationToken))
            .OrderBy(member => member.SortOrder)
            .ToLookup(member => member.PerformanceId, member => new CastName(member.Name, member.EnglishName, member.Role));

        return rows.Select(row => new PerformanceDocument(
            row.Id,
            row.Title,
            row.EnglishTitle,
            row.Category,
            row.Summary,
            row.VenueId,
            row.Venue.Name,
            row.Venue.EnglishName,
            row.Venue.Region,
            row.FirstDay,
            row.LastDay,
            row.PosterKey,
            prices[row.Id].ToList(),
            rounds[row.Id].Distinct().ToList(),
            cast[row.Id].ToList())).ToList();
    }

    public static Task<List<PerformerDocument>> PerformersAsync(TicketBlueDbContext context, IReadOnlyCollection<long> ids, CancellationToken cancellationToken) =>
        context.Performers.AsNoTracking()
            .Where(performer => ids.Contains(performer.Id) && !performer.IsArchived)
            .Select(performer => new PerformerDocument(performer.Id, performer.Name, performer.EnglishName, performer.Kind, performer.PhotoKey))
            .ToListAsync(cancellationToken);

    public static Task<List<VenueDocument>> VenuesAsync(TicketBlueDbContext context, IReadOnlyCollection<long> ids, CancellationToken cancellationToken) =>
        context.Venues.AsNoTracking()
            .Where(venue => ids.Contains(venue.Id) && !venue.IsArchived)
            .Select(venue => new VenueDocument(venue.Id, venue.Name, venue.EnglishName, venue.Region, venue.Address))
            .ToListAsync(cancellationToken);

    /// <summary>Performances whose documents show these performers (their cast names are in them).</summary>
    public static Task<List<long>> PerformancesCastingAsync(TicketBlueDbContext context, IReadOnlyCollection<long> performerIds, CancellationToken cancellationToken) =>
        context.Set<CastMember>().AsNoTracking()
            .Where(member => performerIds.Contains(member.PerformerId))
            .Select(member => member.PerformanceId)
            .Distinct()
            .ToListAsync(cancellationToken);

    /// <summary>Performances whose documents show these venues' names.</summary>
    public static Task<List<long>> PerformancesAtAsync(TicketBlueDbContext context, IReadOnlyCollection<long> venueIds, CancellationToken cancellationToken) =>
        context.Performances.AsNoTracking()
            .Where(performance => venueIds.Contains(performance.VenueId))
            .Select(performance => performance.Id)
            .ToListAsync(cancellationToken);

    /// <summary>The next batch of ids after <paramref name="after"/>, in id order (keyset paging for rebuilds).</summary>
    public static Task<List<long>> NextIdsAsync(TicketBlueDbContext context, Domain.Search.SearchKind kind, long after, int batch, CancellationToken cancellationToken) => kind switch
    {
        Domain.Search.SearchKind.Performance => context.Performances.AsNoTracking()
            .Where(row => row.Id > after && row.Status == PerformanceStatus.Published).OrderBy(row => row.Id).Select(row => row.Id).Take(batch).ToListAsync(cancellationToken),
        Domain.Search.SearchKind.Performer => context.Performers.AsNoTracking()
            .Where(row => row.Id > after && !row.IsArchived).OrderBy(row => row.Id).Select(row => row.Id).Take(batch).ToListAsync(cancellationToken),
        _ => context.Venues.AsNoTracking()
            .Where(row => row.Id > after && !row.IsArchived).OrderBy(row => row.Id).Select(row => row.Id).Take(batch).ToListAsync(cancellationToken),
    };

    /// <summary>How many documents a full rebuild writes (the progress total).</summary>
    public static async Task<int> CountAsync(TicketBlueDbContext context, CancellationToken cancellationToken) =>
        await context.Performances.CountAsync(row => row.Status == PerformanceStatus.Published, cancellationToken)
        + await context.Performers.CountAsync(row => !row.IsArchived, cancellationToken)
        + await context.Venues.CountAsync(row => !row.IsArchived, cancellationToken);
}
