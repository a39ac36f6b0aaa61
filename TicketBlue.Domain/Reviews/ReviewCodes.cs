namespace TicketBlue.Domain.Reviews;

/// <summary>
/// The stable codes of the review rules. Pages and the API look their text up by code in their own
/// resources; the Korean sentences here are for logs and callers without resources.
/// </summary>
public static class ReviewCodes
{
    public const string NotOwner = "review.not_owner";
    public const string NotAttended = "review.not_attended";
    public const string RoundCancelled = "review.round_cancelled";
    public const string TooEarly = "review.too_early";
    public const string Rating = "review.rating";
    public const string Content = "review.content";
    public const string Hidden = "review.hidden";

    /// <summary>A second review for the same reservation: the unique index refused it (two submits at once).</summary>
    public const string AlreadyWritten = "review.already_written";

    /// <summary>No such review, or not the caller's.</summary>
    public const string NotFound = "review.not_found";

    /// <summary>No such reservation, or not the caller's: there is nothing to review.</summary>
    public const string ReservationNotFound = "reservation.not_found";

    /// <summary>Every code above, for checks that each has a text in every language.</summary>
    public static readonly IReadOnlyList<string> All = [NotOwner, NotAttended, RoundCancelled, TooEarly, Rating, Content, Hidden, AlreadyWritten, NotFound, ReservationNotFound];

    public static string KoreanMessage(string code) => code switch
    {
        NotOwner => "본인의 예매와 관람평만 다룰 수 있습니다.",
        NotAttended => "관람이 확정된 예매에만 관람평을 쓸 수 있습니다.",
        RoundCancelled => "취소된 회차에는 관람평을 쓸 수 없습니다.",
        TooEarly => "관람평은 공연이 시작된 뒤에 쓸 수 있습니다.",
        Rating => $"별점은 {Review.MinRating}점에서 {Review.MaxRating}점 사이여야 합니다.",
        Content => $"관람평은 {Review.ContentMinLength}자 이상 {Review.ContentMaxLength}자 이하로 써 주세요.",
        Hidden => "관리자가 숨긴 관람평은 고칠 수 없습니다. 삭제는 할 수 있습니다.",
        AlreadyWritten => "이 예매의 관람평은 이미 있습니다.",
        NotFound => "관람평을 찾을 수 없습니다.",
        ReservationNotFound => "예매를 찾을 수 없습니다.",
        _ => "관람평을 저장하지 못했습니다.",
    };
}
