using TicketBlue.Domain.Common;
using TicketBlue.Domain.Reservations;
using TicketBlue.Domain.Rounds;

namespace TicketBlue.Domain.Reviews;

/// <summary>
/// A customer's rating and words about a show they saw (관람평): one per reservation, written only
/// after the round has started, by the customer who holds the reservation.
/// </summary>
public sealed class Review : Entity<long>
{
    public const int ContentMinLength = 5;
    public const int ContentMaxLength = 2000;

    private Review()
    {
        UserId = string.Empty;
        Content = string.Empty;
    }

    public long PerformanceId { get; private set; }

    public long ReservationId { get; private set; }

    public string UserId { get; private set; }

    /// <summary>1 to 5 stars.</summary>
    public int Rating { get; private set; }

    public string Content { get; private set; }

    public bool IsHidden { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset? UpdatedAt { get; private set; }

    public static Review Write(Reservation reservation, Round round, string userId, int rating, string content, DateTimeOffset now)
    {
        if (reservation.UserId != userId)
        {
            throw new DomainException("review.not_owner", "본인의 예매에만 관람평을 쓸 수 있습니다.");
        }

        if (reservation.Status != ReservationStatus.Confirmed || reservation.RoundId != round.Id)
        {
            throw new DomainException("review.not_attended", "관람한 예매에만 관람평을 쓸 수 있습니다.");
        }

        if (round.Status == RoundStatus.Cancelled)
        {
            throw new DomainException("review.round_cancelled", "취소된 회차에는 관람평을 쓸 수 없습니다.");
        }

        if (now < round.StartsAt)
        {
            throw new DomainException("review.too_early", "관람평은 공연 시작 후에 쓸 수 있습니다.");
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

    public void Edit(string userId, int rating, string content, DateTimeOffset now)
    {
        if (UserId != userId)
        {
            throw new DomainException("review.not_owner", "본인의 관람평만 고칠 수 있습니다.");
        }

        SetContent(rating, content);
        UpdatedAt = now;
    }

    /// <summary>An admin hides an abusive review; it is kept for the record.</summary>
    public void Hide() => IsHidden = true;

    public void Unhide() => IsHidden = false;

    private void SetContent(int rating, string content)
    {
        Rating = Guard.InRange(rating, 1, 5, "review.rating", "별점은 1점에서 5점 사이여야 합니다.");
        var text = Guard.NotBlank(content, "review.content", "관람평을 입력해 주세요.", ContentMaxLength);
        if (text.Length < ContentMinLength)
        {
            throw new DomainException("review.content", $"관람평은 {ContentMinLength}자 이상 써 주세요.");
        }

        Content = text;
    }
}
