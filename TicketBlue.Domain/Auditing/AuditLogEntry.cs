using TicketBlue.Domain.Common;

namespace TicketBlue.Domain.Auditing;

/// <summary>One admin action: who did what to which record, when, with the record before and after (JSON).</summary>
public sealed class AuditLogEntry : Entity<long>
{
    private AuditLogEntry()
    {
        ActorUserId = string.Empty;
        ActorEmail = string.Empty;
        Action = string.Empty;
        EntityType = string.Empty;
        EntityId = string.Empty;
    }

    public string ActorUserId { get; private set; }

    public string ActorEmail { get; private set; }

    /// <summary>A verb phrase such as "venue.created" or "round.cancelled".</summary>
    public string Action { get; private set; }

    public string EntityType { get; private set; }

    public string EntityId { get; private set; }

    public string? BeforeJson { get; private set; }

    public string? AfterJson { get; private set; }

    public string? IpAddress { get; private set; }

    public DateTimeOffset OccurredAt { get; private set; }

    public static AuditLogEntry Record(string actorUserId, string actorEmail, string action, string entityType, string entityId, string? beforeJson, string? afterJson, string? ipAddress, DateTimeOffset now) =>
        new()
        {
            ActorUserId = Guard.NotBlank(actorUserId, "audit.actor", "작업자가 없습니다.", 450),
            ActorEmail = Guard.NotBlank(actorEmail, "audit.actor", "작업자 이메일이 없습니다.", 256, "email"),
            Action = Guard.NotBlank(action, "audit.action", "작업 이름이 없습니다.", 100),
            EntityType = Guard.NotBlank(entityType, "audit.entity", "대상 종류가 없습니다.", 100),
            EntityId = Guard.NotBlank(entityId, "audit.entity", "대상 ID가 없습니다.", 100, "id"),
            BeforeJson = beforeJson,
            AfterJson = afterJson,
            IpAddress = Guard.Optional(ipAddress, "audit.ip", "IP 주소가 너무 깁니다.", 45),
            OccurredAt = now,
        };
}
