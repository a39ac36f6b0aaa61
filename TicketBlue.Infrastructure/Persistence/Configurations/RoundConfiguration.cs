using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using TicketBlue.Domain.Performances;
using TicketBlue.Domain.Rounds;
using TicketBlue.Domain.Venues;

namespace TicketBlue.Infrastructure.Persistence.Configurations;

internal sealed class RoundConfiguration : IEntityTypeConfiguration<Round>
{
    public void Configure(EntityTypeBuilder<Round> builder)
    {
        builder.ComplexProperty(round => round.SalesWindow, window =>
        {
            window.Property(w => w.Start).HasColumnName("SalesOpenAt");
            window.Property(w => w.End).HasColumnName("SalesCloseAt");
        });
        builder.ComplexProperty(round => round.HoldPolicy, policy =>
        {
            policy.Property(p => p.HoldDuration).HasColumnName("HoldDuration");
            policy.Property(p => p.MaxExtensions).HasColumnName("HoldMaxExtensions");
            policy.Property(p => p.MaxTotal).HasColumnName("HoldMaxTotal");
        });
        builder.Property(round => round.CancellationReason).HasMaxLength(500);
        builder.Property(round => round.Version).IsConcurrencyToken();
        builder.HasOne<Performance>().WithMany().HasForeignKey(round => round.PerformanceId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Venue>().WithMany().HasForeignKey(round => round.VenueId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(round => new { round.PerformanceId, round.StartsAt });
        builder.HasIndex(round => new { round.VenueId, round.StartsAt });
        builder.HasIndex(round => new { round.Status, round.StartsAt });
    }
}
