using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using TicketBlue.Domain.Reservations;
using TicketBlue.Domain.Rounds;

namespace TicketBlue.Infrastructure.Persistence.Configurations;

internal sealed class ReservationSeatConfiguration : IEntityTypeConfiguration<ReservationSeat>
{
    public void Configure(EntityTypeBuilder<ReservationSeat> builder)
    {
        builder.Property(seat => seat.SeatLabel).HasMaxLength(120);
        builder.Ignore(seat => seat.AmountPaid);
        builder.HasOne<RoundSeat>().WithMany().HasForeignKey(seat => seat.RoundSeatId).OnDelete(DeleteBehavior.Restrict);

        // The last line of defence against a double sale: a seat can be in at most one active
        // reservation. MariaDB's unique index ignores NULLs, and the column is NULL once cancelled.
        builder.HasIndex(seat => seat.ActiveRoundSeatId).IsUnique();
        builder.HasIndex(seat => seat.RoundSeatId);
        builder.ToTable(table => table.HasCheckConstraint("CK_ReservationSeats_Amounts", "`Price` >= 0 AND `DiscountShare` >= 0 AND `RefundedAmount` >= 0"));
    }
}
