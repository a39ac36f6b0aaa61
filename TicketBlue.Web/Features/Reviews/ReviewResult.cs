using TicketBlue.Domain.Common;

namespace TicketBlue.Web.Features.Reviews;

/// <summary>
/// What a review command tells its caller: success with the review's id, or the stable code of the
/// rule that refused (<see cref="Domain.Reviews.ReviewCodes"/>); pages and the API find their words by it.
/// </summary>
public sealed record ReviewResult(bool Succeeded, long? ReviewId, string? Code)
{
    public static ReviewResult Success(long reviewId) => new(true, reviewId, null);

    public static ReviewResult Failure(string code) => new(false, null, code);

    public static ReviewResult From(DomainException exception) => Failure(exception.Code);
}
