using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using TicketBlue.Domain.Performances;
using TicketBlue.Domain.Performers;

namespace TicketBlue.Infrastructure.Persistence.Configurations;

internal sealed class CastMemberConfiguration : IEntityTypeConfiguration<CastMember>
{
    public void Configure(EntityTypeBuilder<CastMember> builder)
    {
        builder.ToTable("CastMembers");
        builder.Property(member => member.Role).HasMaxLength(100);
        builder.HasOne<Performer>().WithMany().HasForeignKey(member => member.PerformerId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(member => new { member.PerformanceId, member.PerformerId, member.Role }).IsUnique();
        builder.HasIndex(member => member.PerformerId);
    }
}
