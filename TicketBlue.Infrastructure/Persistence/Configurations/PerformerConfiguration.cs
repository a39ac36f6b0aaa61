using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using TicketBlue.Domain.Performers;

namespace TicketBlue.Infrastructure.Persistence.Configurations;

internal sealed class PerformerConfiguration : IEntityTypeConfiguration<Performer>
{
    public void Configure(EntityTypeBuilder<Performer> builder)
    {
        builder.Property(performer => performer.Name).HasMaxLength(Performer.NameMaxLength);
        builder.Property(performer => performer.EnglishName).HasMaxLength(Performer.NameMaxLength);
        builder.Property(performer => performer.Kind).HasMaxLength(20);
        builder.Property(performer => performer.Nationality).HasMaxLength(50);
        builder.Property(performer => performer.Bio).HasMaxLength(4000);
        builder.Property(performer => performer.PhotoKey).HasMaxLength(200);
        builder.HasIndex(performer => performer.Name);
    }
}
