using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using TicketBlue.Domain.Performances;

namespace TicketBlue.Infrastructure.Persistence.Configurations;

internal sealed class GradePriceConfiguration : IEntityTypeConfiguration<GradePrice>
{
    public void Configure(EntityTypeBuilder<GradePrice> builder)
    {
        builder.HasIndex(price => new { price.PerformanceId, price.Grade }).IsUnique();
        builder.ToTable("GradePrices", table => table.HasCheckConstraint("CK_GradePrices_Price", "`Price` >= 0"));
    }
}
