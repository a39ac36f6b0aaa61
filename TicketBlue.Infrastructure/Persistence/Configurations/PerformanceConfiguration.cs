using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using TicketBlue.Domain.Performances;
using TicketBlue.Domain.Venues;

namespace TicketBlue.Infrastructure.Persistence.Configurations;

internal sealed class PerformanceConfiguration : IEntityTypeConfiguration<Performance>
{
    public void Configure(EntityTypeBuilder<Performance> builder)
    {
        builder.Property(performance => performance.Title).HasMaxLength(Performance.TitleMaxLength);
        builder.Property(performance => performance.EnglishTitle).HasMaxLength(Performance.TitleMaxLength);
        builder.Property(performance => performance.Summary).HasMaxLength(200);
        builder.Property(performance => performance.Description).HasColumnType("text");
        builder.ComplexProperty(performance => performance.Run, run =>
        {
            run.Property(span => span.First).HasColumnName("RunFirstDay");
            run.Property(span => span.Last).HasColumnName("RunLastDay");
        });
        builder.OwnsOne(performance => performance.Poster, poster =>
        {
            poster.Property(p => p.Key).HasColumnName("PosterKey").HasMaxLength(200);
            poster.Property(p => p.ContentType).HasColumnName("PosterContentType").HasMaxLength(50);
            poster.Property(p => p.SizeBytes).HasColumnName("PosterSizeBytes");
        });
        builder.HasOne<Venue>().WithMany().HasForeignKey(performance => performance.VenueId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<SeatLayout>().WithMany().HasForeignKey(performance => performance.SeatLayoutId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(performance => performance.Cast).WithOne().HasForeignKey(member => member.PerformanceId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(performance => performance.Cast).HasField("_cast");
        builder.HasMany(performance => performance.Prices).WithOne().HasForeignKey(price => price.PerformanceId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(performance => performance.Prices).HasField("_prices");
        builder.Ignore(performance => performance.Duration);
        builder.Ignore(performance => performance.IsVisibleToCustomers);
        builder.Ignore(performance => performance.IsRetired);
        builder.HasIndex(performance => performance.Title);
        builder.HasIndex(performance => new { performance.Status, performance.Category });
        builder.HasIndex(performance => performance.VenueId);
    }
}
