using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using TicketBlue.Domain.Rounds;
using TicketBlue.Domain.Venues;

namespace TicketBlue.Infrastructure.Persistence.Configurations;

/// <summary>
/// The hot table of an on-sale rush. One row per (round, seat) — unique — and narrow columns, so
/// the booking path is a single-row conditional UPDATE on the primary key.
/// </summary>
internal sealed class RoundSeatConfiguration : IEntityTypeConfiguration<RoundSeat>
{
    public void Configure(EntityTypeBuilder<RoundSeat> builder)
    {
        builder.Property(seat => seat.HeldByUserId).HasMaxLength(450);
        builder.Property(seat => seat.Version).IsConcurrencyToken();
        builder.HasOne<Round>().WithMany().HasForeignKey(seat => seat.RoundId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Seat>().WithMany().HasForeignKey(seat => seat.SeatId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(seat => new { seat.RoundId, seat.SeatId }).IsUnique();
        builder.HasIndex(seat => new { seat.RoundId, seat.State, seat.Grade });
        builder.HasIndex(seat => seat.HoldId);
        builder.HasIndex(seat => new { seat.RoundId, seat.HeldByUserId });

        // The expiry sweep finds run-out holds without scanning the inventory.
        builder.HasIndex(seat => new { seat.State, seat.HoldExpiresAt });
        builder.ToTable(table => table.HasCheckConstraint("CK_RoundSeats_Price", "`Price` >= 0"));
    }
}
