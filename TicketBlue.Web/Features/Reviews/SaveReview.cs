using Microsoft.EntityFrameworkCore;
using MySqlConnector;
using TicketBlue.Domain.Common;
using TicketBlue.Domain.Reviews;
using TicketBlue.Infrastructure.Persistence;

namespace TicketBlue.Web.Features.Reviews;

/// <summary>Stars and words for the review of one reservation: written the first time, edited after.</summary>
public sealed record SaveReviewCommand(long ReservationId, int Rating, string Content);

public interface ISaveReviewHandler
{
    Task<ReviewResult> HandleAsync(string userId, SaveReviewCommand command, CancellationToken cancellationToken);
}

/// <summary>
/// Writes the customer's review of their reservation, or edits the one they wrote; the rules are the
/// review's own. Two submits at once both find no review and both insert: the unique index on the
/// reservation lets one through, and the other is told <see cref="ReviewCodes.AlreadyWritten"/>.
/// </summary>
public sealed class SaveReviewHandler(IDbContextFactory<TicketBlueDbContext> contextFactory, TimeProvider clock) : ISaveReviewHandler
{
    public async Task<ReviewResult> HandleAsync(string userId, SaveReviewCommand command, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(userId);
        ArgumentNullException.ThrowIfNull(command);
        var now = clock.GetUtcNow();
        await using var context = await contextFactory.CreateDbContextAsync(cancellationToken);
        var reservation = await context.Reservations
            .AsNoTracking()
            .SingleOrDefaultAsync(candidate => candidate.Id == command.ReservationId && candidate.UserId == userId, cancellationToken);
        if (reservation is null)
        {
            // Another customer's reservation is answered like a missing one.
            return ReviewResult.Failure(ReviewCodes.ReservationNotFound);
        }

        try
        {
            var review = await context.Reviews.SingleOrDefaultAsync(candidate => candidate.ReservationId == reservation.Id, cancellationToken);
            if (review is null)
            {
                var round = await context.Rounds.AsNoTracking().SingleAsync(candidate => candidate.Id == reservation.RoundId, cancellationToken);
                review = Review.Write(reservation, round, userId, command.Rating, command.Content ?? string.Empty, now);
                context.Reviews.Add(review);
            }
            else
            {
                review.Edit(userId, command.Rating, command.Content ?? string.Empty, now);
            }

            await context.SaveChangesAsync(cancellationToken);
            return ReviewResult.Success(review.Id);
        }
        catch (DomainException exception)
        {
            return ReviewResult.From(exception);
        }
        catch (DbUpdateConcurrencyException)
        {
            // The author deleted it from another page while this edit was on its way.
            return ReviewResult.Failure(ReviewCodes.NotFound);
        }
        catch (DbUpdateException exception) when (exception.InnerException is MySqlException { ErrorCode: MySqlErrorCode.DuplicateKeyEntry })
        {
            return ReviewResult.Failure(ReviewCodes.AlreadyWritten);
        }
    }
}
