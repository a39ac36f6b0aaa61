using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using TicketBlue.Domain.Coupons;
using TicketBlue.Domain.Reservations;

namespace TicketBlue.Infrastructure.Persistence.Configurations;

internal sealed class CouponRedemptionConfiguration : IEntityTypeConfiguration<CouponRedemption>
{
    public void Configure(EntityTypeBuilder<CouponRedemption> builder)
    {
        builder.Property(redemption => redemption.UserId).HasMaxLength(450);
        builder.HasOne<Coupon>().WithMany().HasForeignKey(redemption => redemption.CouponId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Reservation>().WithMany().HasForeignKey(redemption => redemption.ReservationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(redemption => new { redemption.CouponId, redemption.UserId, redemption.Status });
        builder.HasIndex(redemption => redemption.ReservationId).IsUnique();
    }
}
