using Microsoft.EntityFrameworkCore;
using TicketBlue.Domain.Performances;
using TicketBlue.Domain.Rounds;
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
    ReviewSummary Reviews)
{
    /// <summary>
    /// Until when this page stays exactly right without any write: the next sales opening or closing,
    /// round start or hold running out among its rounds. Null when unknown (the hold expiries were not
    /// read): then the rendered page must not be kept for other visitors.
    /// </summary>
    public DateTimeOffset? FreshUntil { get; init; }
}

/// <summary>Where the show plays. <see cref="HasPage"/> is false once the venue is archived (its page is a 404).</summary>
public sealed record PerformanceVenue(long Id, string Name, string Address, string Region, bool HasPage);

/// <summary>One line of the price table, e.g. "VIP석 150,000원".</summary>
public sealed record GradePriceRow(string Grade, long Price);

/// <summary>
/// A cast member. <see cref="HasProfile"/> is false for an archived performer, whose page is gone:
/// the name is still shown, without a link to a 404.
/// </summary>
public sealed record CastRow(long PerformerId, string Name, string? EnglishName, string Role, string? PhotoUrl, bool HasProfile);

/// <summary>Seats a customer could pick now in one grade.</summary>
public sealed record GradeRemaining(string Grade, int Count);

public sealed record RoundRow(long Id, DateTimeOffset StartsAt, DateTimeOffset SalesOpenAt, RoundSalesState State, IReadOnlyList<GradeRemaining> Remaining)
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
/// Reads one published performance for its page straight from MariaDB, in a handful of indexed
/// queries (the show and its venue, prices, cast, rounds, review totals and the newest reviews —
/// <see cref="PerformanceShowQuery"/> — then remaining seats grouped in SQL); nothing is loaded per
/// round or per seat. The uncached read: <see cref="Caching.CachedPerformanceDetailHandler"/> serves
/// the same pieces from Redis, and stays resolvable by this class name for benchmarks.
/// </summary>
public sealed class GetPerformanceDetailHandler(IDbContextFactory<TicketBlueDbContext> contextFactory, TimeProvider clock) : IGetPerformanceDetailHandler
{
    public const int MaxReviews = PerformanceShowQuery.MaxReviews;

    public async Task<PerformanceDetail?> HandleAsync(long performanceId, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        await using var context = await contextFactory.CreateDbContextAsync(cancellationToken);
        var show = await PerformanceShowQuery.LoadAsync(context, performanceId, now, cancellationToken);
        if (show is null)
        {
            return null;
        }

        var upcoming = show.UpcomingRoundIds(now);
        var remaining = upcoming.Count == 0 ? [] : await RemainingSeatsQuery.CountAsync(context, upcoming, now, cancellationToken);
        return show.ToDetail(remaining, now);
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
