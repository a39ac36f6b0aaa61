using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using TicketBlue.Domain.Auditing;
using TicketBlue.Infrastructure.Persistence;

namespace TicketBlue.Infrastructure.Auditing;

/// <summary>
/// Adds an audit entry to the same unit of work as the change it records, so the log and the change
/// are saved together or not at all. Snapshots are JSON, Korean left readable.
/// </summary>
public static class AuditTrail
{
    private static readonly JsonSerializerOptions SnapshotOptions = new()
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        WriteIndented = false,
    };

    public static void Record(TicketBlueDbContext context, AdminActor actor, string action, string entityType, object entityId, object? before, object? after, DateTimeOffset now) =>
        context.AuditLog.Add(AuditLogEntry.Record(
            actor.UserId,
            actor.Email,
            action,
            entityType,
            Convert.ToString(entityId, CultureInfo.InvariantCulture) ?? string.Empty,
            before is null ? null : JsonSerializer.Serialize(before, SnapshotOptions),
            after is null ? null : JsonSerializer.Serialize(after, SnapshotOptions),
            null,
            now));
}
