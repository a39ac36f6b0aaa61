using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using TicketBlue.Domain.Performances;
using TicketBlue.Domain.Rounds;
using TicketBlue.Domain.WaitingRoom;

namespace TicketBlue.Infrastructure.Persistence.Configurations;

internal sealed class WaitingRoomSettingsConfiguration : IEntityTypeConfiguration<WaitingRoomSettings>
{
    public void Configure(EntityTypeBuilder<WaitingRoomSettings> builder)
    {
        builder.ToTable("WaitingRooms", table => table.HasCheckConstraint(
            "CK_WaitingRooms_OneTarget",
            "(PerformanceId IS NULL) <> (RoundId IS NULL)"));
        builder.Property(settings => settings.Secret).HasColumnType("binary(32)");

        // One waiting room per performance and one per round.
        builder.HasIndex(settings => settings.PerformanceId).IsUnique();
        builder.HasIndex(settings => settings.RoundId).IsUnique();
        builder.HasOne<Performance>().WithMany().HasForeignKey(settings => settings.PerformanceId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Round>().WithMany().HasForeignKey(settings => settings.RoundId).OnDelete(DeleteBehavior.Cascade);
    }
}
