using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using TicketBlue.Domain.Booking;
using TicketBlue.Domain.Rounds;

namespace TicketBlue.Infrastructure.Persistence.Configurations;

internal sealed class SeatHoldConfiguration : IEntityTypeConfiguration<SeatHold>
{
    public void Configure(EntityTypeBuilder<SeatHold> builder)
    {
        builder.Property(hold => hold.Id).ValueGeneratedNever();
        builder.Property(hold => hold.UserId).HasMaxLength(450);

        // Release, extend and (later) checkout race on one hold: the second writer must fail, not win.
        builder.Property(hold => hold.Status).IsConcurrencyToken();
        builder.Property(hold => hold.ExtensionsUsed).IsConcurrencyToken();
        builder.HasOne<Round>().WithMany().HasForeignKey(hold => hold.RoundId).OnDelete(DeleteBehavior.Restrict);
        builder.OwnsMany(hold => hold.Items, items =>
        {
            items.ToTable("SeatHoldItems");
            items.WithOwner().HasForeignKey(item => item.SeatHoldId);
            items.HasKey(item => new { item.SeatHoldId, item.RoundSeatId });

            // By convention EF made the key's last column AUTO_INCREMENT, and MariaDB then keeps it
            // unique on its own: a seat could never appear in a second hold, even after the first expired.
            items.Property(item => item.RoundSeatId).ValueGeneratedNever();
            items.HasIndex(item => item.RoundSeatId);
        });
        builder.Navigation(hold => hold.Items).HasField("_items");
        builder.HasIndex(hold => new { hold.RoundId, hold.UserId, hold.Status });
        builder.HasIndex(hold => new { hold.Status, hold.ExpiresAt });
    }
}
