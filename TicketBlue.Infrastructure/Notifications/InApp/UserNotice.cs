namespace TicketBlue.Infrastructure.Notifications.InApp;

public enum UserNoticeKind
{
    PaymentConfirmed,
    PaymentFailed,
    ReservationCancelled,
    ReservationChanged,
    ShowDayReminder,
    ReviewInvitation,
}

/// <summary>
/// A message for one signed-in customer's open pages ("결제가 완료되었습니다"), shown as a toast with a
/// link. <see cref="Message"/> is Korean; <see cref="Kind"/> lets a page pick its own resource string.
/// </summary>
public sealed record UserNotice(string UserId, UserNoticeKind Kind, string Message, long? ReservationId, string? Link, DateTimeOffset OccurredAt);
