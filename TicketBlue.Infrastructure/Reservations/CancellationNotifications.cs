using TicketBlue.Domain.Notifications;
using TicketBlue.Domain.Reservations;
using TicketBlue.Infrastructure.Notifications.InApp;
using TicketBlue.Infrastructure.Notifications.Templates;

namespace TicketBlue.Infrastructure.Reservations;

/// <summary>
/// The messages a cancellation sends: "reservation cancelled" and, when money went back, "refund
/// completed", each by e-mail to the customer and to the operators' Slack. They are outbox rows added to
/// the transaction that records the cancellation; their deduplication keys name the reservation and the
/// seats returned, so one return can never announce itself twice.
/// </summary>
internal static class CancellationNotifications
{
    public const string OpsRecipient = "#ops";

    /// <summary>Where a customer's page shows the reservation (the in-app notice links there).</summary>
    public static string ReservationLink(long reservationId) => $"/reservations/{reservationId}";

    public static IEnumerable<Notification> Queue(CancellationSubject subject, RefundPlan plan, string seatsHash, string reason, DateTimeOffset now)
    {
        var reservation = subject.Reservation;
        var id = $"{reservation.Id}:{seatsHash[..16]}";
        var cancelled = NotificationTemplates.ToJson(new ReservationCancelledPayload(
            reservation.Number,
            subject.CustomerName,
            subject.PerformanceTitle,
            subject.RoundStartsAt,
            plan.Lines.Select(line => $"{line.Grade}석 {line.SeatLabel}").ToList(),
            now,
            reason));
        foreach (var row in Both(ReservationCancelledTemplate.Name, cancelled, subject, id, now))
        {
            yield return row;
        }

        if (plan.Refund.Won == 0)
        {
            yield break;
        }

        var refunded = NotificationTemplates.ToJson(new RefundCompletedPayload(
            reservation.Number,
            subject.CustomerName,
            subject.PerformanceTitle,
            plan.Refund.Won,
            plan.FeeTotal.Won,
            now));
        foreach (var row in Both(RefundCompletedTemplate.Name, refunded, subject, id, now))
        {
            yield return row;
        }
    }

    /// <summary>The notice to the customer's open pages, sent after commit.</summary>
    public static UserNotice Notice(CancellationSubject subject, RefundPlan plan, DateTimeOffset now)
    {
        var what = plan.Whole ? "예매가 취소되었습니다" : $"{plan.Lines.Count}개 좌석이 취소되었습니다";
        var money = plan.Refund.Won > 0 ? $" 환불 금액: {plan.Refund}" : string.Empty;
        return new UserNotice(
            subject.Reservation.UserId,
            UserNoticeKind.ReservationCancelled,
            $"「{subject.PerformanceTitle}」 {what}.{money}",
            subject.Reservation.Id,
            ReservationLink(subject.Reservation.Id),
            now);
    }

    private static IEnumerable<Notification> Both(string template, string payload, CancellationSubject subject, string id, DateTimeOffset now)
    {
        if (!string.IsNullOrWhiteSpace(subject.CustomerEmail))
        {
            yield return Notification.Queue(NotificationChannel.Email, template, subject.CustomerEmail, subject.Reservation.UserId, payload, $"{template}:email:{id}", now);
        }

        yield return Notification.Queue(NotificationChannel.Slack, template, OpsRecipient, null, payload, $"{template}:slack:{id}", now);
    }
}
