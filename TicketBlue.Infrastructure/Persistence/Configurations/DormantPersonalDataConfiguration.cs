using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using TicketBlue.Infrastructure.Accounts;
using TicketBlue.Infrastructure.Accounts.Dormancy;

namespace TicketBlue.Infrastructure.Persistence.Configurations;

internal sealed class DormantPersonalDataConfiguration : IEntityTypeConfiguration<DormantPersonalData>
{
    public void Configure(EntityTypeBuilder<DormantPersonalData> builder)
    {
        builder.ToTable("DormantPersonalData");
        builder.HasKey(data => data.UserId);
        builder.Property(data => data.UserId).HasMaxLength(255);
        builder.Property(data => data.EmailLookup).HasMaxLength(64).IsFixedLength();
        builder.Property(data => data.Email).HasMaxLength(256);
        builder.Property(data => data.UserName).HasMaxLength(256);
        builder.Property(data => data.DisplayName).HasMaxLength(50);
        builder.Property(data => data.PhoneNumber).HasMaxLength(256);

        // The account row stays (reservations and payments refer to it); its personal data lives here.
        builder.HasOne<ApplicationUser>().WithOne().HasForeignKey<DormantPersonalData>(data => data.UserId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(data => data.EmailLookup).IsUnique();
        builder.HasIndex(data => data.DormantSince);
    }
}
