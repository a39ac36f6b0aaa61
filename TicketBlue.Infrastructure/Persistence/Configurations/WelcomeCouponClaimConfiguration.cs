using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using TicketBlue.Domain.Coupons;
using TicketBlue.Infrastructure.Accounts;

namespace TicketBlue.Infrastructure.Persistence.Configurations;

internal sealed class WelcomeCouponClaimConfiguration : IEntityTypeConfiguration<WelcomeCouponClaim>
{
    public void Configure(EntityTypeBuilder<WelcomeCouponClaim> builder)
    {
        builder.ToTable("WelcomeCouponClaims");

        // Both keys are unique: two confirmations racing for one address or one account insert one row.
        builder.HasKey(claim => claim.EmailLookup);
        builder.Property(claim => claim.EmailLookup).HasMaxLength(64).IsFixedLength();
        builder.Property(claim => claim.UserId).HasMaxLength(255);
        builder.HasIndex(claim => claim.UserId).IsUnique();

        // No foreign key to the account: the claim outlives it on purpose (withdrawal).
        builder.HasOne<Coupon>().WithMany().HasForeignKey(claim => claim.CouponId).OnDelete(DeleteBehavior.Restrict);
    }
}
