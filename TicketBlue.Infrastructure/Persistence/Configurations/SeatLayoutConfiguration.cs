using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using TicketBlue.Domain.Venues;

namespace TicketBlue.Infrastructure.Persistence.Configurations;

internal sealed class SeatLayoutConfiguration : IEntityTypeConfiguration<SeatLayout>
{
    public void Configure(EntityTypeBuilder<SeatLayout> builder)
    {
        builder.Property(layout => layout.Name).HasMaxLength(100);
        builder.ComplexProperty(layout => layout.Stage);
        builder.HasOne<Venue>().WithMany().HasForeignKey(layout => layout.VenueId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(layout => new { layout.VenueId, layout.Version }).IsUnique();
        builder.HasMany(layout => layout.Sections).WithOne().HasForeignKey(section => section.SeatLayoutId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(layout => layout.Sections).HasField("_sections");
        builder.Ignore(layout => layout.Seats);
        builder.Ignore(layout => layout.SeatCount);
    }
}
