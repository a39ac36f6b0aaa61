using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using TicketBlue.Domain.Venues;

namespace TicketBlue.Infrastructure.Persistence.Configurations;

internal sealed class VenueConfiguration : IEntityTypeConfiguration<Venue>
{
    public void Configure(EntityTypeBuilder<Venue> builder)
    {
        builder.Property(venue => venue.Name).HasMaxLength(Venue.NameMaxLength);
        builder.Property(venue => venue.EnglishName).HasMaxLength(Venue.NameMaxLength);
        builder.Property(venue => venue.Address).HasMaxLength(Venue.AddressMaxLength);
        builder.Property(venue => venue.Region).HasMaxLength(50);
        builder.Property(venue => venue.Description).HasMaxLength(2000);
        builder.HasIndex(venue => venue.Name);
        builder.HasIndex(venue => new { venue.IsArchived, venue.Region });
    }
}
