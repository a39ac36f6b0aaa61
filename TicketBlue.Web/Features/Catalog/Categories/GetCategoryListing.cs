using Microsoft.EntityFrameworkCore;
using TicketBlue.Domain.Common;
using TicketBlue.Domain.Performances;
using TicketBlue.Domain.Rounds;
using TicketBlue.Infrastructure.Persistence;
using TicketBlue.Infrastructure.Persistence.Replication;
using TicketBlue.Web.Features.Catalog.Home;

namespace TicketBlue.Web.Features.Catalog.Categories;

/// <summary>How a category page orders its shows; the query string carries <see cref="CategorySorts"/>' codes.</summary>
public enum CategorySort
{
    /// <summary>공연 임박순: the next round soonest first.</summary>
    Soonest,

    /// <summary>낮은 가격순: the cheapest grade first.</summary>
    LowestPrice,

    /// <summary>최신 등록순: the most recently created first.</summary>
    Newest,

    /// <summary>이름순.</summary>
    Title,
}

public static class CategorySorts
{
    private static readonly Dictionary<CategorySort, string> Codes = new()
    {
        [CategorySort.Soonest] = "soon",
        [CategorySort.LowestPrice] = "price",
        [CategorySort.Newest] = "new",
        [CategorySort.Title] = "name",
    };

    private static readonly Dictionary<string, CategorySort> ByCode = Codes.ToDictionary(pair => pair.Value, pair => pair.Key, StringComparer.Ordinal);

    public static IReadOnlyList<CategorySort> All { get; } = [CategorySort.Soonest, CategorySort.LowestPrice, CategorySort.Newest, CategorySort.Title];

    public static string ToCode(CategorySort sort) => Codes[sort];

    /// <summary>An unknown or missing code falls back to the default order rather than failing the page.</summary>
    public static CategorySort Parse(string? code) =>
        code is not null && ByCode.TryGetValue(code, out var sort) ? sort : CategorySort.Soonest;
}

/// <summary>
/// One page of a category. Dates are Seoul calendar days, inclusive; prices are won. A show matches
/// the date range when one of its rounds to come starts on one of those days, and the price range
/// when its lowest-to-highest grade price overlaps it. <see cref="Page"/> is 1-based.
/// </summary>
public sealed record CategoryQuery(
    Category Category,
    DateOnly? From = null,
    DateOnly? To = null,
    long? VenueId = null,
    long? MinPrice = null,
    long? MaxPrice = null,
    CategorySort Sort = CategorySort.Soonest,
    int Page = 1)
{
    public const int PageSize = 24;

    public bool HasFilters => From is not null || To is not null || VenueId is not null || MinPrice is not null || MaxPrice is not null;
}

public sealed record VenueOption(long Id, string Name);

/// <summary>
/// A page of cards, the total across pages, and the venue the filter names (for its field; the
/// field finds others as the visitor types). <see cref="AsOf"/> is the instant the query ran at, so "opening
/// soon" on a card agrees with the data it came with.
/// </summary>
public sealed record CategoryListing(
    IReadOnlyList<PerformanceCard> Items,
    int TotalCount,
    int Page,
    VenueOption? SelectedVenue,
    DateTimeOffset AsOf)
{
    public int TotalPages => (TotalCount + CategoryQuery.PageSize - 1) / CategoryQuery.PageSize;
}

public interface IGetCategoryListingHandler
{
    Task<CategoryListing> HandleAsync(CategoryQuery query, CancellationToken cancellationToken);
}

/// <summary>
/// The published shows of one category that still have a round to come, filtered, sorted and paged
/// in MariaDB: a count, one page of cards (sub-queries, no N+1) and the chosen venue's name when filtered by one.
/// </summary>
public sealed class GetCategoryListingHandler([FromKeyedServices(ReadDbContextFactory.Key)] IDbContextFactory<TicketBlueDbContext> contextFactory, TimeProvider clock) : IGetCategoryListingHandler
{
    public async Task<CategoryListing> HandleAsync(CategoryQuery query, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var page = Math.Max(1, query.Page);
        await using var context = await contextFactory.CreateDbContextAsync(cancellationToken);

        var inCategory = context.PublishedPerformances()
            .Where(performance => performance.Category == query.Category)
            .WithRoundToCome(context, now);

        var filtered = ApplyFilters(inCategory, context, query, now);
        var total = await filtered.CountAsync(cancellationToken);
        var rows = filtered.ToCardRows(context, now);
        var sorted = query.Sort switch
        {
            CategorySort.LowestPrice => rows.OrderBy(row => row.LowestPrice).ThenBy(row => row.NextRoundAt).ThenBy(row => row.Id),
            CategorySort.Newest => rows.OrderByDescending(row => row.CreatedAt).ThenByDescending(row => row.Id),
            CategorySort.Title => rows.OrderBy(row => row.Title).ThenBy(row => row.Id),
            _ => rows.OrderBy(row => row.NextRoundAt).ThenBy(row => row.Id),
        };
        var items = await sorted
            .Skip((page - 1) * CategoryQuery.PageSize)
            .Take(CategoryQuery.PageSize)
            .ToListAsync(cancellationToken);

        var venue = query.VenueId is { } venueId
            ? await context.Venues
                .AsNoTracking()
                .Where(candidate => candidate.Id == venueId)
                .Select(candidate => new VenueOption(candidate.Id, candidate.Name))
                .FirstOrDefaultAsync(cancellationToken)
            : null;

        return new CategoryListing(items.Select(row => row.ToCard()).ToList(), total, page, venue, now);
    }

    private static IQueryable<Performance> ApplyFilters(IQueryable<Performance> performances, TicketBlueDbContext context, CategoryQuery query, DateTimeOffset now)
    {
        if (query.From is not null || query.To is not null)
        {
            // Calendar days are Seoul days: [first day 00:00 KST, the day after the last day 00:00 KST).
            var (from, to) = (query.From, query.To);
            if (from > to)
            {
                // A range typed backwards is still meant as a range.
                (from, to) = (to, from);
            }

            var start = from is { } first ? SeoulTime.At(first, TimeOnly.MinValue) : now;
            if (to is { } last)
            {
                var end = SeoulTime.At(last.AddDays(1), TimeOnly.MinValue);
                performances = performances.Where(performance => context.Rounds.Any(round =>
                    round.PerformanceId == performance.Id
                    && round.Status == RoundStatus.Scheduled
                    && round.StartsAt > now
                    && round.StartsAt >= start
                    && round.StartsAt < end));
            }
            else
            {
                performances = performances.Where(performance => context.Rounds.Any(round =>
                    round.PerformanceId == performance.Id
                    && round.Status == RoundStatus.Scheduled
                    && round.StartsAt > now
                    && round.StartsAt >= start));
            }
        }

        if (query.VenueId is { } venueId)
        {
            performances = performances.Where(performance => performance.VenueId == venueId);
        }

        // The show's price span [lowest, highest] overlaps [min, max] exactly when some grade costs at
        // most max and some grade costs at least min.
        var (min, max) = (query.MinPrice, query.MaxPrice);
        if (min > max)
        {
            (min, max) = (max, min);
        }

        if (max is { } highest)
        {
            var maxPrice = Money.FromWon(Math.Max(0, highest));
            performances = performances.Where(performance => performance.Prices.Any(price => price.Price <= maxPrice));
        }

        if (min is { } lowest)
        {
            var minPrice = Money.FromWon(Math.Max(0, lowest));
            performances = performances.Where(performance => performance.Prices.Any(price => price.Price >= minPrice));
        }

        return performances;
    }
}
