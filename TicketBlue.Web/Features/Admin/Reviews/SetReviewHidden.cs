using Microsoft.EntityFrameworkCore;
using TicketBlue.Domain.Reviews;
using TicketBlue.Infrastructure.Auditing;
using TicketBlue.Infrastructure.Persistence;
using TicketBlue.Web.Features.Reviews;

namespace TicketBlue.Web.Features.Admin.Reviews;

public interface ISetReviewHiddenHandler
{
    Task<ReviewResult> HandleAsync(long reviewId, bool hidden, CancellationToken cancellationToken);
}

/// <summary>
/// An admin hides an abusive review from other customers, or shows it again. The admin role is
/// re-checked against the database first; the change and its audit entry (with the words that were
/// hidden, so the record survives the author deleting them) are saved together. Asking for the state
/// the review is already in changes nothing and records nothing.
/// </summary>
public sealed class SetReviewHiddenHandler(IDbContextFactory<TicketBlueDbContext> contextFactory, ICurrentAdmin currentAdmin, TimeProvider clock) : ISetReviewHiddenHandler
{
    public const string HiddenAction = "review.hidden";
    public const string ShownAction = "review.unhidden";

    public async Task<ReviewResult> HandleAsync(long reviewId, bool hidden, CancellationToken cancellationToken)
    {
        var actor = await currentAdmin.GetAsync();
        var now = clock.GetUtcNow();
        await using var context = await contextFactory.CreateDbContextAsync(cancellationToken);
        var review = await context.Reviews.SingleOrDefaultAsync(candidate => candidate.Id == reviewId, cancellationToken);
        if (review is null)
        {
            return ReviewResult.Failure(ReviewCodes.NotFound);
        }

        var before = Snapshot(review);
        var changed = hidden ? review.Hide(now) : review.Unhide();
        if (changed)
        {
            AuditTrail.Record(context, actor, hidden ? HiddenAction : ShownAction, nameof(Review), review.Id, before, Snapshot(review), now);
            try
            {
                await context.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateConcurrencyException)
            {
                // Its author deleted it meanwhile; nothing was hidden, so nothing is recorded.
                return ReviewResult.Failure(ReviewCodes.NotFound);
            }
        }

        return ReviewResult.Success(review.Id);
    }

    private static object Snapshot(Review review) => new
    {
        review.PerformanceId,
        review.ReservationId,
        review.UserId,
        review.Rating,
        review.Content,
        review.IsHidden,
        review.HiddenAt,
    };
}
