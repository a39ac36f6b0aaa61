using TicketBlue.Domain.Common;

namespace TicketBlue.Domain.Notifications;

public enum NotificationChannel
{
    Email,
    Slack,
    InApp,
}

public enum NotificationStatus
{
    Pending,
    Sent,

    /// <summary>Gave up after the maximum attempts; an operator looks at it.</summary>
    Dead,
}

/// <summary>
/// A message to deliver (outbox row), written in the same transaction as the change it announces and
/// delivered afterwards with retries. <see cref="DeduplicationKey"/> is unique, so the same event can
/// never produce two messages, and a delivery outage never blocks or loses a booking.
/// </summary>
public sealed class Notification : Entity<Guid>
{
    public const int MaxAttempts = 8;

    private Notification()
    {
        Template = string.Empty;
        Recipient = string.Empty;
        PayloadJson = "{}";
        DeduplicationKey = string.Empty;
    }

    public NotificationChannel Channel { get; private set; }

    /// <summary>Which message, e.g. "reservation-confirmed"; the sender renders it from templates.</summary>
    public string Template { get; private set; }

    /// <summary>E-mail address, Slack channel or user id, depending on the channel.</summary>
    public string Recipient { get; private set; }

    public string? UserId { get; private set; }

    public string PayloadJson { get; private set; }

    public string DeduplicationKey { get; private set; }

    public NotificationStatus Status { get; private set; }

    public int Attempts { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset NextAttemptAt { get; private set; }

    public DateTimeOffset? SentAt { get; private set; }

    public string? LastError { get; private set; }

    public static Notification Queue(NotificationChannel channel, string template, string recipient, string? userId, string payloadJson, string deduplicationKey, DateTimeOffset now) =>
        new()
        {
            Id = Guid.CreateVersion7(now),
            Channel = channel,
            Template = Guard.NotBlank(template, "notification.template", "알림 종류가 없습니다.", 100),
            Recipient = Guard.NotBlank(recipient, "notification.recipient", "받는 사람이 없습니다.", 320),
            UserId = userId,
            PayloadJson = string.IsNullOrWhiteSpace(payloadJson) ? "{}" : payloadJson,
            DeduplicationKey = Guard.NotBlank(deduplicationKey, "notification.key", "중복 방지 키가 없습니다.", 200),
            Status = NotificationStatus.Pending,
            CreatedAt = now,
            NextAttemptAt = now,
        };

    public void MarkSent(DateTimeOffset now)
    {
        if (Status != NotificationStatus.Pending)
        {
            throw new DomainException("notification.state", "보낼 차례가 아닌 알림입니다.");
        }

        Attempts++;
        Status = NotificationStatus.Sent;
        SentAt = now;
        LastError = null;
    }

    /// <summary>Records a failed attempt and schedules the next with exponential back-off (30 s, 1 min, 2 min, ...).</summary>
    public void MarkFailed(string error, DateTimeOffset now)
    {
        if (Status != NotificationStatus.Pending)
        {
            throw new DomainException("notification.state", "보낼 차례가 아닌 알림입니다.");
        }

        Attempts++;
        LastError = error.Length > 1000 ? error[..1000] : error;
        if (Attempts >= MaxAttempts)
        {
            Status = NotificationStatus.Dead;
            return;
        }

        NextAttemptAt = now + TimeSpan.FromSeconds(30 * Math.Pow(2, Attempts - 1));
    }
}
