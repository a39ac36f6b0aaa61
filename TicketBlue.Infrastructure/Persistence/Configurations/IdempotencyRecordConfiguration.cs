using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace TicketBlue.Infrastructure.Persistence.Configurations;

internal sealed class IdempotencyRecordConfiguration : IEntityTypeConfiguration<IdempotencyRecord>
{
    public void Configure(EntityTypeBuilder<IdempotencyRecord> builder)
    {
        builder.HasKey(record => new { record.Scope, record.Key });
        builder.Property(record => record.Scope).HasMaxLength(50);
        builder.Property(record => record.Key).HasMaxLength(300);
        builder.Property(record => record.UserId).HasMaxLength(450);
        builder.Property(record => record.RequestHash).HasMaxLength(64);
        builder.Property(record => record.ResponseBody).HasColumnType("mediumtext");
        builder.HasIndex(record => record.CreatedAt);
    }
}
