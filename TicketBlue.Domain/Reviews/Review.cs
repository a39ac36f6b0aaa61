using TicketBlue.Domain.Common;
using TicketBlue.Domain.Reservations;
using TicketBlue.Domain.Rounds;

namespace TicketBlue.Domain.Reviews;

/// <summary>
/// A customer's rating and words about a show they saw (관람평): one per reservation, written only
/// after the round has started, by the customer who holds the confirmed reservation. The author edits
/// or deletes it; an admin hides an abusive one, which keeps it for the record and for its author,
/// who is told it was hidden, while other customers no longer see it.
/// </summary>
public sealed class Review : Entity<long>
{
    public const int MinRating = 1;
    public const int MaxRating = 5;
    public const int ContentMinLength = 5;
    public const int ContentMaxLength = 1000;

    private Review()
    {
        UserId = string.Empty;
        Content = string.Empty;
    }

    public long PerformanceId { get; private set; }

    public long ReservationId { get; private set; }

    public string UserId { get; private set; }

    /// <summary><see cref="MinRating"/> to <see cref="MaxRating"/> stars.</summary>
    public int Rating { get; private set; }

    public string Content { get; private set; }

    /// <summary>Hidden by an admin: other customers do not see it, and it counts in no average.</summary>
    public bool IsHidden { get; private set; }

    public DateTimeOffset? HiddenAt { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset? UpdatedAt { get; private set; }

    /// <summary>
    /// Whether <paramref name="userId"/> may review <paramref name="reservation"/> at <paramref name="now"/>:
    /// null when they may, otherwise the code of the rule that refuses (the same codes
    /// <see cref="Write"/> throws). Pages ask this to offer the review form only when it would succeed.
    /// </summary>
    public static string? WhyCannotWrite(Reservation reservation, Round round, string userId, DateTimeOffset now)
    {
        if (reservation.UserId != userId)
        {
            return ReviewCodes.NotOwner;
        }

        if (reservation.Status != ReservationStatus.Confirmed || reservation.RoundId != round.Id)
        {
            return ReviewCodes.NotAttended;
        }

        if (round.Status == RoundStatus.Cancelled)
        {
            return ReviewCodes.RoundCancelled;
        }

        return now < round.StartsAt ? ReviewCodes.TooEarly : null;
    }

    public static Review Write(Reservation reservation, Round round, string userId, int rating, string content, DateTimeOffset now)
    {
        var refusal = WhyCannotWrite(reservation, round, userId, now);
        if (refusal is not null)
        {
            throw new DomainException(refusal, ReviewCodes.KoreanMessage(refusal));
        }

        var review = new Review
        {
            PerformanceId = reservation.PerformanceId,
            ReservationId = reservation.Id,
            UserId = userId,
            CreatedAt = now,
        };
        review.SetContent(rating, content);
        return review;
    }

    /// <summary>The author replaces stars and words. A hidden review stays as the admin left it: deleting it is still possible.</summary>
    public void Edit(string userId, int rating, string content, DateTimeOffset now)
    {
        EnsureAuthor(userId);
        if (IsHidden)
        {
            throw new DomainException(ReviewCodes.Hidden, ReviewCodes.KoreanMessage(ReviewCodes.Hidden));
        }

        SetContent(rating, content);
        UpdatedAt = now;
    }

    /// <summary>Checks that <paramref name="userId"/> wrote this review before it is deleted; only its author deletes it, hidden or not.</summary>
    public void EnsureDeletableBy(string userId) => EnsureAuthor(userId);

    /// <summary>An admin hides an abusive review; it is kept. Hiding a hidden review changes nothing.</summary>
    /// <returns>True when this call hid it.</returns>
    public bool Hide(DateTimeOffset now)
    {
        if (IsHidden)
        {
            return false;
        }

        IsHidden = true;
        HiddenAt = now;
        return true;
    }

    /// <summary>An admin shows a hidden review again.</summary>
    /// <returns>True when this call showed it.</returns>
    public bool Unhide()
    {
        if (!IsHidden)
        {
            return false;
        }

        IsHidden = false;
        HiddenAt = null;
        return true;
    }

    private void EnsureAuthor(string userId)
    {
        if (UserId != userId)
        {
            throw new DomainException(ReviewCodes.NotOwner, ReviewCodes.KoreanMessage(ReviewCodes.NotOwner));
        }
    }

    private void SetContent(int rating, string content)
    {
        Rating = Guard.InRange(rating, MinRating, MaxRating, ReviewCodes.Rating, ReviewCodes.KoreanMessage(ReviewCodes.Rating));
        var text = Guard.NotBlank(content, ReviewCodes.Content, ReviewCodes.KoreanMessage(ReviewCodes.Content), ContentMaxLength);
        if (text.Length < ContentMinLength)
        {
            throw new DomainException(ReviewCodes.Content, ReviewCodes.KoreanMessage(ReviewCodes.Content));
        }

        Content = text;
    }
}
