using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using TicketBlue.Domain.Coupons;
using TicketBlue.Domain.Performances;
using TicketBlue.Domain.Reservations;
using TicketBlue.Domain.Rounds;

namespace TicketBlue.Infrastructure.Persistence.Configurations;

internal sealed class ReservationConfiguration : IEntityTypeConfiguration<Reservation>
{
    public void Configure(EntityTypeBuilder<Reservation> builder)
    {
        builder.Property(reservation => reservation.Number).HasMaxLength(20);
        builder.Property(reservation => reservation.UserId).HasMaxLength(450);
        builder.Property(reservation => reservation.CancellationReason).HasMaxLength(500);
        builder.Property(reservation => reservation.Version).IsConcurrencyToken();
        builder.HasOne<Performance>().WithMany().HasForeignKey(reservation => reservation.PerformanceId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Round>().WithMany().HasForeignKey(reservation => reservation.RoundId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Coupon>().WithMany().HasForeignKey(reservation => reservation.CouponId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(reservation => reservation.Seats).WithOne().HasForeignKey(seat => seat.ReservationId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(reservation => reservation.Seats).HasField("_seats");
        builder.Ignore(reservation => reservation.ActiveSeats);
        builder.HasIndex(reservation => reservation.Number).IsUnique();
        builder.HasIndex(reservation => reservation.SeatHoldId).IsUnique();
        builder.HasIndex(reservation => new { reservation.UserId, reservation.CreatedAt });
        builder.HasIndex(reservation => new { reservation.RoundId, reservation.Status });
        // UserId rides along so the admin search's customer check on a status and date range reads the
        // index alone, no reservation row (issue 17). Id is named before it: InnoDB appends the primary
        // key after the last column, and (CreatedAt, UserId, Id) would no longer give the search's
        // "CreatedAt, Id" order, so every match would be sorted before the LIMIT. As a prefix the index
        // still serves (Status, CreatedAt).
        builder.HasIndex(reservation => new { reservation.Status, reservation.CreatedAt, reservation.Id, reservation.UserId });
        builder.HasIndex(reservation => new { reservation.PerformanceId, reservation.CreatedAt });
        builder.HasIndex(reservation => new { reservation.Status, reservation.PaymentDueAt });

        // The back office's reservation search (AdminReservations/ReservationSearchQuery): each common
        // combination is an index range read in the order of the page, so a LIMIT stops early.
        builder.HasIndex(reservation => reservation.CreatedAt);
        builder.HasIndex(reservation => new { reservation.PerformanceId, reservation.Status, reservation.CreatedAt });
        builder.HasIndex(reservation => new { reservation.CouponId, reservation.CreatedAt });
        builder.HasIndex(reservation => new { reservation.Total, reservation.CreatedAt });
        builder.ToTable(table =>
        {
            table.HasCheckConstraint("CK_Reservations_Amounts", "`Subtotal` >= 0 AND `Discount` >= 0 AND `Total` >= 0 AND `Discount` <= `Subtotal`");
        });
    }
}
