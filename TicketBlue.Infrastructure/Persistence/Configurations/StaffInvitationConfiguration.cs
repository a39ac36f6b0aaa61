using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using TicketBlue.Domain.Accounts;

namespace TicketBlue.Infrastructure.Persistence.Configurations;

internal sealed class StaffInvitationConfiguration : IEntityTypeConfiguration<StaffInvitation>
{
    public void Configure(EntityTypeBuilder<StaffInvitation> builder)
    {
        builder.ToTable("StaffInvitations");
        builder.Property(invitation => invitation.Email).HasMaxLength(256);
        builder.Property(invitation => invitation.Role).HasConversion<string>().HasMaxLength(30);
        builder.Property(invitation => invitation.TokenHash).HasMaxLength(StaffInvitation.TokenHashLength).IsFixedLength();
        builder.Property(invitation => invitation.InvitedByUserId).HasMaxLength(255);
        builder.Property(invitation => invitation.AcceptedByUserId).HasMaxLength(255);
        builder.Property(invitation => invitation.RevokedByUserId).HasMaxLength(255);

        // Two acceptances racing: the second one's UPDATE finds AcceptedAt set and changes nothing, so it fails.
        builder.Property(invitation => invitation.AcceptedAt).IsConcurrencyToken();
        builder.HasIndex(invitation => invitation.TokenHash).IsUnique();
        builder.HasIndex(invitation => invitation.CreatedAt);
    }
}
