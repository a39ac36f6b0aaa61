using Microsoft.EntityFrameworkCore;
using TicketBlue.Domain.Common;
using TicketBlue.Domain.Reviews;
using TicketBlue.Infrastructure.Persistence;

namespace TicketBlue.Web.Features.Reviews;

public interface IDeleteReviewHandler
{
    Task<ReviewResult> HandleAsync(string userId, long reservationId, CancellationToken cancellationToken);
}

/// <summary>
/// The author deletes the review of their reservation, hidden or not; the row goes, and the
/// reservation may be reviewed again. Another customer's review is answered like a missing one.
/// </summary>
public sealed class DeleteReviewHandler(IDbContextFactory<TicketBlueDbContext> contextFactory) : IDeleteReviewHandler
{
    public async Task<ReviewResult> HandleAsync(string userId, long reservationId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(userId);
        await using var context = await contextFactory.CreateDbContextAsync(cancellationToken);
        var review = await context.Reviews.SingleOrDefaultAsync(candidate => candidate.ReservationId == reservationId && candidate.UserId == userId, cancellationToken);
        if (review is null)
        {
            return ReviewResult.Failure(ReviewCodes.NotFound);
        }

        try
        {
            review.EnsureDeletableBy(userId);
        }
        catch (DomainException exception)
        {
            return ReviewResult.From(exception);
        }

        context.Reviews.Remove(review);
        try
        {
            await context.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            // Deleted at the same moment from another page: the outcome the author asked for.
        }

        return ReviewResult.Success(review.Id);
    }
}
