using Microsoft.EntityFrameworkCore;
using TicketBlue.Domain.Performances;
using TicketBlue.Domain.Rounds;
using TicketBlue.Domain.Venues;
using TicketBlue.Infrastructure.Persistence;

namespace TicketBlue.Web.Features.Catalog.Performances;

/// <summary>Everything the performance page shows. Amounts are won; instants are UTC (the page prints Seoul time).</summary>
public sealed record PerformanceDetail(
    long Id,
    string Title,
    string? EnglishTitle,
    Category Category,
    AgeRating AgeRating,
    int RunningMinutes,
    int IntermissionMinutes,
    DateOnly FirstDay,
    DateOnly LastDay,
    string Summary,
    string Description,
    string? PosterUrl,
    PerformanceVenue Venue,
    IReadOnlyList<GradePriceRow> Prices,
    IReadOnlyList<CastRow> Cast,
    IReadOnlyList<RoundRow> Rounds,
    ReviewSummary Reviews);

/// <summary>Where the show plays. <see cref="HasPage"/> is false once the venue is archived (its page is a 404).</summary>
public sealed record PerformanceVenue(long Id, string Name, string Address, string Region, bool HasPage);

/// <summary>One line of the price table, e.g. "VIP석 150,000원".</summary>
public sealed record GradePriceRow(string Grade, long Price);

/// <summary>
/// A cast member. <see cref="HasProfile"/> is false for an archived performer, whose page is gone:
/// the name is still shown, without a link to a 404.
/// </summary>
public sealed record CastRow(long PerformerId, string Name, string? EnglishName, string Role, string? PhotoUrl, bool HasProfile);

public enum RoundSaleState
{
    /// <summary>Sales are open and seats are left.</summary>
    OnSale,

    /// <summary>Sales have not opened yet (예매 오픈 예정).</summary>
    NotOpenYet,

    /// <summary>Sales are over although the round has not started (예매 마감).</summary>
    Closed,

    /// <summary>Sales are open but no seat is available (매진).</summary>
    SoldOut,
}

/// <summary>Seats a customer could pick now in one grade.</summary>
public sealed record GradeRemaining(string Grade, int Count);

public sealed record RoundRow(long Id, DateTimeOffset StartsAt, DateTimeOffset SalesOpenAt, RoundSaleState State, IReadOnlyList<GradeRemaining> Remaining)
{
    public int TotalRemaining => Remaining.Sum(grade => grade.Count);
}

/// <summary>The visible reviews: how many, their average and the newest few.</summary>
public sealed record ReviewSummary(int Count, double? AverageRating, IReadOnlyList<ReviewRow> Latest)
{
    public static readonly ReviewSummary None = new(0, null, []);
}

/// <summary>A review as shown to other customers; <see cref="Author"/> is already masked ("김**"), or null when unknown.</summary>
public sealed record ReviewRow(long Id, int Rating, string Content, string? Author, DateTimeOffset CreatedAt);

public interface IGetPerformanceDetailHandler
{
    /// <summary>The performance, or null when it does not exist or customers may not see it.</summary>
    Task<PerformanceDetail?> HandleAsync(long performanceId, CancellationToken cancellationToken);
}

/// <summary>
/// Reads one published performance for its page in a handful of indexed queries (the show and its
/// venue, prices, cast, rounds, remaining seats grouped in SQL, review totals and the newest
/// reviews); nothing is loaded per round or per seat.
/// </summary>
public sealed class GetPerformanceDetailHandler(IDbContextFactory<TicketBlueDbContext> contextFactory, TimeProvider clock) : IGetPerformanceDetailHandler
{
    public const int MaxReviews = 20;

    public async Task<PerformanceDetail?> HandleAsync(long performanceId, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        await using var context = await contextFactory.CreateDbContextAsync(cancellationToken);

        var show = await context.PublishedPerformances()
            .Where(performance => performance.Id == performanceId)
            .Select(performance => new
            {
                performance.Id,
                performance.Title,
                performance.EnglishTitle,
                performance.Category,
                performance.AgeRating,
                performance.RunningMinutes,
                performance.IntermissionMinutes,
                performance.Run.First,
                performance.Run.Last,
                performance.Summary,
                performance.Description,
                PosterKey = performance.Poster == null ? null : performance.Poster.Key,
                Venue = context.Venues
                    .Where(venue => venue.Id == performance.VenueId)
                    .Select(venue => new PerformanceVenue(venue.Id, venue.Name, venue.Address, venue.Region, !venue.IsArchived))
                    .First(),
            })
            .SingleOrDefaultAsync(cancellationToken);
        if (show is null)
        {
            return null;
        }

        var prices = await context.Set<GradePrice>()
            .AsNoTracking()
            .Where(price => price.PerformanceId == performanceId)
            .Select(price => new { price.Grade, price.Price })
            .ToListAsync(cancellationToken);
        var priceRows = prices
            .Select(price => new GradePriceRow(price.Grade.Code, price.Price.Won))
            .OrderByDescending(price => price.Price)
            .ThenBy(price => price.Grade, StringComparer.Ordinal)
            .ToList();

        var cast = await context.Set<CastMember>()
            .AsNoTracking()
            .Where(member => member.PerformanceId == performanceId)
            .OrderBy(member => member.SortOrder)
            .Join(
                context.Performers,
                member => member.PerformerId,
                performer => performer.Id,
                (member, performer) => new { performer.Id, performer.Name, performer.EnglishName, member.Role, performer.PhotoKey, performer.IsArchived })
            .ToListAsync(cancellationToken);

        var rounds = await LoadRoundsAsync(context, performanceId, priceRows, now, cancellationToken);
        var reviews = await LoadReviewsAsync(context, performanceId, cancellationToken);

        return new PerformanceDetail(
            show.Id,
            show.Title,
            show.EnglishTitle,
            show.Category,
            show.AgeRating,
            show.RunningMinutes,
            show.IntermissionMinutes,
            show.First,
            show.Last,
            show.Summary,
            show.Description,
            show.PosterKey is null ? null : MediaUrls.For(show.PosterKey),
            show.Venue,
            priceRows,
            cast.Select(member => new CastRow(
                member.Id,
                member.Name,
                member.EnglishName,
                member.Role,
                member.IsArchived || member.PhotoKey is null ? null : MediaUrls.For(member.PhotoKey),
                !member.IsArchived)).ToList(),
            rounds,
            reviews);
    }

    private static async Task<IReadOnlyList<RoundRow>> LoadRoundsAsync(
        TicketBlueDbContext context,
        long performanceId,
        IReadOnlyList<GradePriceRow> prices,
        DateTimeOffset now,
        CancellationToken cancellationToken)
    {
        var upcoming = context.Rounds
            .AsNoTracking()
            .Where(round => round.PerformanceId == performanceId && round.Status == RoundStatus.Scheduled && round.StartsAt > now);
        var rounds = await upcoming
            .OrderBy(round => round.StartsAt)
            .Select(round => new { round.Id, round.StartsAt, SalesOpenAt = round.SalesWindow.Start, SalesCloseAt = round.SalesWindow.End })
            .ToListAsync(cancellationToken);
        if (rounds.Count == 0)
        {
            return [];
        }

        // "Available now" is the model's own rule (ADR-002): free, or held by a hold that has
        // already expired. Counted in MariaDB, one row per round and grade.
        var available = await context.RoundSeats
            .AsNoTracking()
            .Where(seat => upcoming.Any(round => round.Id == seat.RoundId))
            .Where(RoundSeat.AvailableAt(now))
            .GroupBy(seat => new { seat.RoundId, seat.Grade })
            .Select(group => new { group.Key.RoundId, group.Key.Grade, Count = group.Count() })
            .ToListAsync(cancellationToken);
        var counts = available.ToDictionary(row => (row.RoundId, row.Grade.Code), row => row.Count);

        // Every priced grade is listed for every round, including those with nothing left (0석).
        var grades = prices.Select(price => price.Grade)
            .Concat(available.Select(row => row.Grade.Code).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal))
            .Distinct(StringComparer.Ordinal)
            .ToList();

        return rounds.Select(round =>
        {
            var remaining = grades.Select(grade => new GradeRemaining(grade, counts.GetValueOrDefault((round.Id, grade)))).ToList();
            var state = now < round.SalesOpenAt ? RoundSaleState.NotOpenYet
                : now >= round.SalesCloseAt ? RoundSaleState.Closed
                : remaining.Sum(grade => grade.Count) == 0 ? RoundSaleState.SoldOut
                : RoundSaleState.OnSale;
            return new RoundRow(round.Id, round.StartsAt, round.SalesOpenAt, state, remaining);
        }).ToList();
    }

    private static async Task<ReviewSummary> LoadReviewsAsync(TicketBlueDbContext context, long performanceId, CancellationToken cancellationToken)
    {
        var visible = context.Reviews.AsNoTracking().Where(review => review.PerformanceId == performanceId && !review.IsHidden);
        var totals = await visible
            .GroupBy(review => review.PerformanceId)
            .Select(group => new { Count = group.Count(), Average = group.Average(review => (double)review.Rating) })
            .SingleOrDefaultAsync(cancellationToken);
        if (totals is null)
        {
            return ReviewSummary.None;
        }

        var latest = await visible
            .OrderByDescending(review => review.CreatedAt)
            .ThenByDescending(review => review.Id)
            .Take(MaxReviews)
            .Select(review => new
            {
                review.Id,
                review.Rating,
                review.Content,
                review.CreatedAt,
                Author = context.Users.Where(user => user.Id == review.UserId).Select(user => user.DisplayName).FirstOrDefault(),
            })
            .ToListAsync(cancellationToken);

        return new ReviewSummary(
            totals.Count,
            totals.Average,
            latest.Select(review => new ReviewRow(review.Id, review.Rating, review.Content, ReviewerName.Mask(review.Author), review.CreatedAt)).ToList());
    }
}

/// <summary>
/// Other customers see a reviewer's name masked the way Korean sites do ("김민지" → "김**"): enough to
/// tell reviews apart, not enough to identify anyone.
/// </summary>
public static class ReviewerName
{
    public static string? Mask(string? displayName)
    {
        var name = displayName?.Trim();
        if (string.IsNullOrEmpty(name))
        {
            return null;
        }

        var first = char.IsSurrogate(name[0]) && name.Length > 1 ? name[..2] : name[..1];
        return first + new string('*', Math.Clamp(name.Length - first.Length, 2, 4));
    }
}
