using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using TicketBlue.Domain.Notifications;

namespace TicketBlue.Infrastructure.Persistence.Configurations;

internal sealed class NotificationConfiguration : IEntityTypeConfiguration<Notification>
{
    public void Configure(EntityTypeBuilder<Notification> builder)
    {
        builder.Property(notification => notification.Id).ValueGeneratedNever();
        builder.Property(notification => notification.Template).HasMaxLength(100);
        builder.Property(notification => notification.Recipient).HasMaxLength(320);
        builder.Property(notification => notification.UserId).HasMaxLength(450);
        builder.Property(notification => notification.PayloadJson).HasColumnType("text");
        builder.Property(notification => notification.DeduplicationKey).HasMaxLength(200);
        builder.Property(notification => notification.LastError).HasMaxLength(1000);
        builder.HasIndex(notification => notification.DeduplicationKey).IsUnique();
        builder.HasIndex(notification => new { notification.Status, notification.NextAttemptAt });
        builder.HasIndex(notification => new { notification.UserId, notification.CreatedAt });
    }
}
