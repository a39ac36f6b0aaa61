using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using TicketBlue.Domain.Auditing;

namespace TicketBlue.Infrastructure.Persistence.Configurations;

internal sealed class AuditLogEntryConfiguration : IEntityTypeConfiguration<AuditLogEntry>
{
    public void Configure(EntityTypeBuilder<AuditLogEntry> builder)
    {
        builder.ToTable("AuditLog");
        builder.Property(entry => entry.ActorUserId).HasMaxLength(450);
        builder.Property(entry => entry.ActorEmail).HasMaxLength(256);
        builder.Property(entry => entry.Action).HasMaxLength(100);
        builder.Property(entry => entry.EntityType).HasMaxLength(100);
        builder.Property(entry => entry.EntityId).HasMaxLength(100);
        builder.Property(entry => entry.BeforeJson).HasColumnType("mediumtext");
        builder.Property(entry => entry.AfterJson).HasColumnType("mediumtext");
        builder.Property(entry => entry.IpAddress).HasMaxLength(45);
        builder.HasIndex(entry => new { entry.EntityType, entry.EntityId });
        builder.HasIndex(entry => entry.OccurredAt);
        builder.HasIndex(entry => entry.ActorUserId);
    }
}
