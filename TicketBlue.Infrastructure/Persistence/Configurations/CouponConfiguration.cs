using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using TicketBlue.Domain.Coupons;
using TicketBlue.Domain.Performances;

namespace TicketBlue.Infrastructure.Persistence.Configurations;

internal sealed class CouponConfiguration : IEntityTypeConfiguration<Coupon>
{
    public void Configure(EntityTypeBuilder<Coupon> builder)
    {
        builder.Property(coupon => coupon.Code).HasMaxLength(40);
        builder.Property(coupon => coupon.Name).HasMaxLength(100);
        builder.Property(coupon => coupon.Version).IsConcurrencyToken();
        builder.ComplexProperty(coupon => coupon.Validity, window =>
        {
            window.Property(w => w.Start).HasColumnName("ValidFrom");
            window.Property(w => w.End).HasColumnName("ValidUntil");
        });
        builder.OwnsMany(coupon => coupon.Performances, performances =>
        {
            performances.ToTable("CouponPerformances");
            performances.WithOwner().HasForeignKey(item => item.CouponId);
            performances.HasKey(item => new { item.CouponId, item.PerformanceId });
            performances.HasOne<Performance>().WithMany().HasForeignKey(item => item.PerformanceId).OnDelete(DeleteBehavior.Restrict);
        });
        builder.Navigation(coupon => coupon.Performances).HasField("_performances");
        builder.Ignore(coupon => coupon.RemainingQuantity);
        builder.HasIndex(coupon => coupon.Code).IsUnique();
        builder.HasIndex(coupon => coupon.IsActive);
        builder.Property(coupon => coupon.IssuedTo).HasMaxLength(255);
        builder.HasIndex(coupon => coupon.IssuedTo);
        builder.ToTable(table =>
        {
            // A coupon with 100 uses never gives 101, whatever the application does.
            table.HasCheckConstraint("CK_Coupons_Quantity", "`UsedQuantity` >= 0 AND `UsedQuantity` <= `TotalQuantity`");
            table.HasCheckConstraint("CK_Coupons_Value", "`DiscountValue` > 0");
        });
    }
}
