using Microsoft.EntityFrameworkCore;
using TicketBlue.Domain.Performances;
using TicketBlue.Domain.Rounds;
using TicketBlue.Infrastructure.Persistence;

namespace TicketBlue.Web.Features.Catalog.Performances;

/// <summary>Reads the catalogue part of a performance page (<see cref="PerformanceShow"/>) in a few indexed queries.</summary>
internal static class PerformanceShowQuery
{
    public const int MaxReviews = 20;

    /// <summary>The published performance, or null when it does not exist or customers may not see it.</summary>
    public static async Task<PerformanceShow?> LoadAsync(TicketBlueDbContext context, long performanceId, DateTimeOffset now, CancellationToken cancellationToken)
    {
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

        var rounds = await context.Rounds
            .AsNoTracking()
            .Where(round => round.PerformanceId == performanceId && round.Status == RoundStatus.Scheduled && round.StartsAt > now)
            .OrderBy(round => round.StartsAt)
            .Select(round => new ScheduledRound(round.Id, round.StartsAt, round.SalesWindow.Start, round.SalesWindow.End))
            .ToListAsync(cancellationToken);
        var reviews = await LoadReviewsAsync(context, performanceId, cancellationToken);

        return new PerformanceShow(
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
