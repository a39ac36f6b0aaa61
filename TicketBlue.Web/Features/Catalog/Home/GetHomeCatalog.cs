using Microsoft.EntityFrameworkCore;
using TicketBlue.Domain.Common;
using TicketBlue.Domain.Performances;
using TicketBlue.Domain.Rounds;
using TicketBlue.Infrastructure.Persistence;
using TicketBlue.Infrastructure.Persistence.Replication;

namespace TicketBlue.Web.Features.Catalog.Home;

/// <summary>A performance as a card on the home page.</summary>
public sealed record PerformanceCard(
    long Id,
    string Title,
    Category Category,
    string? PosterUrl,
    string VenueName,
    DateOnly FirstDay,
    DateOnly LastDay,
    long LowestPrice,
    DateTimeOffset? SalesOpenAt);

/// <summary>What the home page shows: shows on sale now and shows whose sales open soon.</summary>
public sealed record HomeCatalog(IReadOnlyList<PerformanceCard> OnSale, IReadOnlyList<PerformanceCard> OpeningSoon);

public interface IGetHomeCatalogHandler
{
    Task<HomeCatalog> HandleAsync(CancellationToken cancellationToken);
}

/// <summary>
/// Published performances that still have a round to come, each with its lowest price and the
/// earliest sales opening among those rounds. One query, projected straight to cards.
/// </summary>
public sealed class GetHomeCatalogHandler([FromKeyedServices(ReadDbContextFactory.Key)] IDbContextFactory<TicketBlueDbContext> contextFactory, TimeProvider clock) : IGetHomeCatalogHandler
{
    public const int MaxCards = 24;

    public async Task<HomeCatalog> HandleAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        await using var context = await contextFactory.CreateDbContextAsync(cancellationToken);
        var rows = await context.Performances
            .AsNoTracking()
            .Where(performance => performance.Status == PerformanceStatus.Published)
            .Select(performance => new
            {
                performance.Id,
                performance.Title,
                performance.Category,
                PosterKey = performance.Poster == null ? null : performance.Poster.Key,
                VenueName = context.Venues.Where(venue => venue.Id == performance.VenueId).Select(venue => venue.Name).First(),
                performance.Run.First,
                performance.Run.Last,
                LowestPrice = performance.Prices.Min(price => (Money?)price.Price),
                Upcoming = context.Rounds
                    .Where(round => round.PerformanceId == performance.Id && round.Status == RoundStatus.Scheduled && round.StartsAt > now)
                    .Select(round => new { round.StartsAt, SalesOpenAt = round.SalesWindow.Start })
                    .OrderBy(round => round.StartsAt)
                    .FirstOrDefault(),
                SalesOpenAt = context.Rounds
                    .Where(round => round.PerformanceId == performance.Id && round.Status == RoundStatus.Scheduled && round.StartsAt > now)
                    .Min(round => (DateTimeOffset?)round.SalesWindow.Start),
            })
            .Where(row => row.Upcoming != null)
            .OrderBy(row => row.Upcoming!.StartsAt)
            .Take(MaxCards * 2)
            .ToListAsync(cancellationToken);

        var cards = rows
            .Select(row => new PerformanceCard(
                row.Id,
                row.Title,
                row.Category,
                row.PosterKey is null ? null : MediaUrls.For(row.PosterKey),
                row.VenueName,
                row.First,
                row.Last,
                row.LowestPrice?.Won ?? 0,
                row.SalesOpenAt))
            .ToList();
        return new HomeCatalog(
            cards.Where(card => card.SalesOpenAt <= now).Take(MaxCards).ToList(),
            cards.Where(card => card.SalesOpenAt > now).Take(MaxCards).ToList());
    }
}
