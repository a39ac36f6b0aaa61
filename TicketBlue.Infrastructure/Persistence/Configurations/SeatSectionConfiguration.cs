using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using TicketBlue.Domain.Venues;

namespace TicketBlue.Infrastructure.Persistence.Configurations;

internal sealed class SeatSectionConfiguration : IEntityTypeConfiguration<SeatSection>
{
    public void Configure(EntityTypeBuilder<SeatSection> builder)
    {
        builder.ToTable("SeatSections");
        builder.Property(section => section.Name).HasMaxLength(50);
        builder.HasMany(section => section.Seats).WithOne().HasForeignKey(seat => seat.SeatSectionId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(section => section.Seats).HasField("_seats");
        builder.HasIndex(section => new { section.SeatLayoutId, section.SortOrder });
    }
}
