using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using TicketBlue.Domain.Payments;
using TicketBlue.Domain.Reservations;

namespace TicketBlue.Infrastructure.Persistence.Configurations;

internal sealed class PaymentConfiguration : IEntityTypeConfiguration<Payment>
{
    public void Configure(EntityTypeBuilder<Payment> builder)
    {
        builder.Property(payment => payment.OrderId).HasMaxLength(64);
        builder.Property(payment => payment.OrderName).HasMaxLength(100);
        builder.Property(payment => payment.PaymentKey).HasMaxLength(200);
        builder.Property(payment => payment.Method).HasMaxLength(30);
        builder.Property(payment => payment.FailureCode).HasMaxLength(100);
        builder.Property(payment => payment.FailureMessage).HasMaxLength(500);
        builder.Property(payment => payment.RawResponse).HasColumnType("mediumtext");
        builder.Property(payment => payment.Version).IsConcurrencyToken();
        builder.HasOne<Reservation>().WithMany().HasForeignKey(payment => payment.ReservationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(payment => payment.Cancellations).WithOne().HasForeignKey(cancel => cancel.PaymentId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(payment => payment.Cancellations).HasField("_cancellations");
        builder.HasIndex(payment => payment.OrderId).IsUnique();
        builder.HasIndex(payment => payment.PaymentKey).IsUnique();
        builder.HasIndex(payment => payment.ReservationId).IsUnique();
        builder.HasIndex(payment => new { payment.Status, payment.CreatedAt });
        builder.HasIndex(payment => new { payment.Method, payment.CreatedAt });
    }
}
