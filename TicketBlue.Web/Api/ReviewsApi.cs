using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using TicketBlue.Domain.Reviews;
using TicketBlue.Web.Features.Reviews;

namespace TicketBlue.Web.Api;

/// <summary>
/// The caller's review of one of their reservations (관람평): read, write or edit (one PUT does both:
/// a reservation has at most one review), and delete. The rules are the review's own
/// (<see cref="Review"/>); the same handlers serve the review page.
/// </summary>
internal static class ReviewsApi
{
    public static void MapReviewsApi(this RouteGroupBuilder api)
    {
        var review = api.MapGroup("/reservations/{reservationId:long}/review")
            .RequireAuthorization(ApiPolicies.Bearer)
            .WithTags("Reviews")
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status404NotFound);

        review.MapGet("/", GetAsync)
            .WithName("GetReview")
            .WithSummary("The caller's review of a reservation")
            .WithDescription("With `hidden` true (and `hiddenAt`) when an admin hid it from other customers. No review yet: 404 `review.not_found`; another customer's or a missing reservation: 404 `reservation.not_found`.");

        review.MapPut("/", SaveAsync)
            .WithName("SaveReview")
            .WithSummary("Write or edit the review of a reservation")
            .WithDescription($"`rating` {Review.MinRating} to {Review.MaxRating}, `content` {Review.ContentMinLength} to {Review.ContentMaxLength} characters (400 `review.rating` / `review.content`). Only for the caller's confirmed reservation once its round has started (422 `review.not_attended`, `review.round_cancelled`, `review.too_early`). One review per reservation: the first PUT writes it, later ones edit it; a review an admin hid cannot be edited (409 `review.hidden`); two first PUTs at once: one writes, the other gets 409 `review.already_written`.")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);

        review.MapDelete("/", DeleteAsync)
            .WithName("DeleteReview")
            .WithSummary("Delete the review of a reservation")
            .WithDescription("Only its author deletes it, hidden or not; the reservation may then be reviewed again. No review: 404 `review.not_found`.");
    }

    /// <summary>The HTTP status for a review rule's code.</summary>
    public static int StatusOf(string code) => code switch
    {
        ReviewCodes.Rating or ReviewCodes.Content => StatusCodes.Status400BadRequest,
        ReviewCodes.NotFound or ReviewCodes.ReservationNotFound or ReviewCodes.NotOwner => StatusCodes.Status404NotFound,
        ReviewCodes.AlreadyWritten or ReviewCodes.Hidden => StatusCodes.Status409Conflict,
        _ => StatusCodes.Status422UnprocessableEntity,
    };

    private static async Task<Results<Ok<ReviewResponse>, ProblemHttpResult>> GetAsync(
        long reservationId,
        ClaimsPrincipal user,
        IOptions<IdentityOptions> identity,
        [FromServices] IGetReviewFormHandler forms,
        ApiProblems problems,
        CancellationToken cancellationToken)
    {
        var form = await forms.HandleAsync(ApiCaller.UserId(user, identity), reservationId, cancellationToken);
        return form switch
        {
            null => problems.Create(StatusCodes.Status404NotFound, ReviewCodes.ReservationNotFound),
            { Review: null } => problems.Create(StatusCodes.Status404NotFound, ReviewCodes.NotFound),
            { Review: { } mine } => TypedResults.Ok(ReviewResponse.From(form, mine)),
        };
    }

    private static async Task<Results<Ok<ReviewResponse>, ProblemHttpResult>> SaveAsync(
        long reservationId,
        ReviewRequest request,
        ClaimsPrincipal user,
        IOptions<IdentityOptions> identity,
        [FromServices] ISaveReviewHandler saves,
        [FromServices] IGetReviewFormHandler forms,
        ApiProblems problems,
        CancellationToken cancellationToken)
    {
        if (request.Rating is not { } rating)
        {
            return problems.Create(StatusCodes.Status400BadRequest, ReviewCodes.Rating);
        }

        var userId = ApiCaller.UserId(user, identity);
        var result = await saves.HandleAsync(userId, new SaveReviewCommand(reservationId, rating, request.Content ?? string.Empty), cancellationToken);
        if (!result.Succeeded)
        {
            return problems.Create(StatusOf(result.Code!), result.Code!);
        }

        var form = await forms.HandleAsync(userId, reservationId, cancellationToken);
        return form is { Review: { } saved }
            ? TypedResults.Ok(ReviewResponse.From(form, saved))
            : problems.Create(StatusCodes.Status404NotFound, ReviewCodes.NotFound); // Deleted from elsewhere at once.
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> DeleteAsync(
        long reservationId,
        ClaimsPrincipal user,
        IOptions<IdentityOptions> identity,
        [FromServices] IDeleteReviewHandler deletes,
        ApiProblems problems,
        CancellationToken cancellationToken)
    {
        var result = await deletes.HandleAsync(ApiCaller.UserId(user, identity), reservationId, cancellationToken);
        return result.Succeeded ? TypedResults.NoContent() : problems.Create(StatusOf(result.Code!), result.Code!);
    }
}

/// <summary>Stars (1 to 5) and words (5 to 1,000 characters) for <c>PUT …/review</c>.</summary>
public sealed record ReviewRequest(int? Rating, string? Content);

/// <summary>The caller's review; <c>hidden</c> when an admin hid it from other customers.</summary>
public sealed record ReviewResponse(
    long ReviewId,
    long ReservationId,
    long PerformanceId,
    int Rating,
    string Content,
    bool Hidden,
    DateTimeOffset? HiddenAt,
    DateTimeOffset CreatedAt,
    DateTimeOffset? UpdatedAt)
{
    public static ReviewResponse From(ReviewForm form, MyReview review) =>
        new(review.Id, form.ReservationId, form.PerformanceId, review.Rating, review.Content, review.IsHidden, review.HiddenAt, review.CreatedAt, review.UpdatedAt);
}
