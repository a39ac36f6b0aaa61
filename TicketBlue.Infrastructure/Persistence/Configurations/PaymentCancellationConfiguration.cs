using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using TicketBlue.Domain.Payments;

namespace TicketBlue.Infrastructure.Persistence.Configurations;

internal sealed class PaymentCancellationConfiguration : IEntityTypeConfiguration<PaymentCancellation>
{
    public void Configure(EntityTypeBuilder<PaymentCancellation> builder)
    {
        builder.ToTable("PaymentCancellations");
        builder.Property(cancel => cancel.Reason).HasMaxLength(200);
        builder.Property(cancel => cancel.TransactionKey).HasMaxLength(200);
        builder.HasIndex(cancel => cancel.TransactionKey).IsUnique();
    }
}
