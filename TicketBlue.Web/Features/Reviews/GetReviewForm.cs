using Microsoft.EntityFrameworkCore;
using TicketBlue.Domain.Reviews;
using TicketBlue.Infrastructure.Persistence;

namespace TicketBlue.Web.Features.Reviews;

/// <summary>
/// One reservation as its review form needs it: the show, the round, whether a review may be written
/// now (<see cref="CannotWriteCode"/> null) and the customer's own review when there is one, hidden or not.
/// </summary>
public sealed record ReviewForm(
    long ReservationId,
    long PerformanceId,
    string PerformanceTitle,
    DateTimeOffset RoundStartsAt,
    string? CannotWriteCode,
    MyReview? Review)
{
    /// <summary>The form is offered: a review exists (to edit or delete), or one may be written now.</summary>
    public bool IsOpen => Review is not null || CannotWriteCode is null;
}

/// <summary>The author's own review, with whether an admin hid it from other customers and when.</summary>
public sealed record MyReview(long Id, int Rating, string Content, bool IsHidden, DateTimeOffset? HiddenAt, DateTimeOffset CreatedAt, DateTimeOffset? UpdatedAt);

public interface IGetReviewFormHandler
{
    /// <summary>The form for <paramref name="userId"/>'s reservation; null for another customer's reservation, as for one that does not exist.</summary>
    Task<ReviewForm?> HandleAsync(string userId, long reservationId, CancellationToken cancellationToken);
}

/// <summary>Reads the reservation, its round and the review in one query; the rule itself is <see cref="Review.WhyCannotWrite"/>.</summary>
public sealed class GetReviewFormHandler(IDbContextFactory<TicketBlueDbContext> contextFactory, TimeProvider clock) : IGetReviewFormHandler
{
    public async Task<ReviewForm?> HandleAsync(string userId, long reservationId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(userId);
        await using var context = await contextFactory.CreateDbContextAsync(cancellationToken);
        // MariaDB has no LATERAL joins: the round by a join, the title as a scalar, the review on its own.
        var row = await (
                from reservation in context.Reservations.AsNoTracking()
                join round in context.Rounds.AsNoTracking() on reservation.RoundId equals round.Id
                where reservation.Id == reservationId && reservation.UserId == userId
                select new
                {
                    Reservation = reservation,
                    Round = round,
                    Title = context.Performances.Where(performance => performance.Id == reservation.PerformanceId).Select(performance => performance.Title).First(),
                })
            .SingleOrDefaultAsync(cancellationToken);
        if (row is null)
        {
            return null;
        }

        var review = await context.Reviews
            .AsNoTracking()
            .Where(candidate => candidate.ReservationId == reservationId)
            .Select(candidate => new MyReview(candidate.Id, candidate.Rating, candidate.Content, candidate.IsHidden, candidate.HiddenAt, candidate.CreatedAt, candidate.UpdatedAt))
            .SingleOrDefaultAsync(cancellationToken);
        return new ReviewForm(
            row.Reservation.Id,
            row.Reservation.PerformanceId,
            row.Title,
            row.Round.StartsAt,
            Review.WhyCannotWrite(row.Reservation, row.Round, userId, clock.GetUtcNow()),
            review);
    }
}
