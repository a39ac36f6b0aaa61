using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using TicketBlue.Domain.Venues;

namespace TicketBlue.Infrastructure.Persistence.Configurations;

internal sealed class SeatConfiguration : IEntityTypeConfiguration<Seat>
{
    public void Configure(EntityTypeBuilder<Seat> builder)
    {
        builder.Property(seat => seat.Row).HasMaxLength(10);
        builder.Property(seat => seat.SectionName).HasMaxLength(50);
        builder.Ignore(seat => seat.Label);
        builder.HasIndex(seat => new { seat.SeatSectionId, seat.Row, seat.Number }).IsUnique();
    }
}
