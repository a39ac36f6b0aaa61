using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using TicketBlue.Domain.Performances;
using TicketBlue.Domain.Reservations;
using TicketBlue.Domain.Reviews;

namespace TicketBlue.Infrastructure.Persistence.Configurations;

internal sealed class ReviewConfiguration : IEntityTypeConfiguration<Review>
{
    /// <summary>The unique index that keeps one review per reservation when two submits race; <c>ReviewWriter</c> turns its violation into <c>review.already_written</c>.</summary>
    public const string OneReviewPerReservation = "IX_Reviews_ReservationId";

    public void Configure(EntityTypeBuilder<Review> builder)
    {
        builder.Property(review => review.UserId).HasMaxLength(450);
        builder.Property(review => review.Content).HasMaxLength(Review.ContentMaxLength);
        builder.HasOne<Performance>().WithMany().HasForeignKey(review => review.PerformanceId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Reservation>().WithMany().HasForeignKey(review => review.ReservationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(review => review.ReservationId).IsUnique().HasDatabaseName(OneReviewPerReservation);
        builder.HasIndex(review => new { review.PerformanceId, review.IsHidden, review.CreatedAt });
        builder.HasIndex(review => review.UserId);
        builder.ToTable(table => table.HasCheckConstraint("CK_Reviews_Rating", "`Rating` BETWEEN 1 AND 5"));
    }
}
