using Microsoft.EntityFrameworkCore;
using TicketBlue.Domain.Common;
using TicketBlue.Domain.Performances;
using TicketBlue.Domain.Rounds;
using TicketBlue.Infrastructure.Persistence;
using TicketBlue.Web.Features.Catalog.Home;

namespace TicketBlue.Web.Features.Catalog;

/// <summary>
/// A published performance projected for a poster card, plus the values the lists sort by. A class
/// with init-only members (not a positional record) so EF Core can still order and page by its
/// members after the projection.
/// </summary>
internal sealed class CardRow
{
    public long Id { get; init; }

    public string Title { get; init; } = string.Empty;

    public Category Category { get; init; }

    public string? PosterKey { get; init; }

    public string VenueName { get; init; } = string.Empty;

    public DateOnly FirstDay { get; init; }

    public DateOnly LastDay { get; init; }

    public Money? LowestPrice { get; init; }

    /// <summary>The next scheduled round to come, or null when none is left.</summary>
    public DateTimeOffset? NextRoundAt { get; init; }

    /// <summary>The earliest sales opening among the rounds to come (as on the home page).</summary>
    public DateTimeOffset? SalesOpenAt { get; init; }

    public DateTimeOffset CreatedAt { get; init; }

    public PerformanceCard ToCard() => new(
        Id,
        Title,
        Category,
        PosterKey is null ? null : MediaUrls.For(PosterKey),
        VenueName,
        FirstDay,
        LastDay,
        LowestPrice?.Won ?? 0,
        SalesOpenAt);
}

/// <summary>Query pieces the customer catalogue's lists share, so "visible" and "to come" mean one thing everywhere.</summary>
internal static class CatalogQueries
{
    /// <summary>What customers may see: <see cref="Performance.IsVisibleToCustomers"/>, as SQL.</summary>
    public static IQueryable<Performance> PublishedPerformances(this TicketBlueDbContext context) =>
        context.Performances.AsNoTracking().Where(performance => performance.Status == PerformanceStatus.Published);

    /// <summary>Performances with at least one scheduled round that has not started yet.</summary>
    public static IQueryable<Performance> WithRoundToCome(this IQueryable<Performance> performances, TicketBlueDbContext context, DateTimeOffset now) =>
        performances.Where(performance => context.Rounds.Any(round =>
            round.PerformanceId == performance.Id && round.Status == RoundStatus.Scheduled && round.StartsAt > now));

    /// <summary>One row per performance, every value computed by correlated sub-queries in the same SQL statement.</summary>
    public static IQueryable<CardRow> ToCardRows(this IQueryable<Performance> performances, TicketBlueDbContext context, DateTimeOffset now) =>
        performances.Select(performance => new CardRow
        {
            Id = performance.Id,
            Title = performance.Title,
            Category = performance.Category,
            PosterKey = performance.Poster!.Key,
            VenueName = context.Venues.Where(venue => venue.Id == performance.VenueId).Select(venue => venue.Name).First(),
            // Read through a one-row aggregate on purpose: projecting a member of the complex type Run
            // directly makes EF Core 9 select every column of the performance (its long text
            // description too) and pick the dates out in memory, for every card.
            FirstDay = context.Performances.Where(self => self.Id == performance.Id).Max(self => self.Run.First),
            LastDay = context.Performances.Where(self => self.Id == performance.Id).Max(self => self.Run.Last),
            LowestPrice = performance.Prices.Min(price => (Money?)price.Price),
            NextRoundAt = context.Rounds
                .Where(round => round.PerformanceId == performance.Id && round.Status == RoundStatus.Scheduled && round.StartsAt > now)
                .Min(round => (DateTimeOffset?)round.StartsAt),
            SalesOpenAt = context.Rounds
                .Where(round => round.PerformanceId == performance.Id && round.Status == RoundStatus.Scheduled && round.StartsAt > now)
                .Min(round => (DateTimeOffset?)round.SalesWindow.Start),
            CreatedAt = performance.CreatedAt,
        });
}
