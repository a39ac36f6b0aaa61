using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using TicketBlue.Infrastructure.Accounts;

namespace TicketBlue.Infrastructure.Persistence.Configurations;

internal sealed class ApplicationUserConfiguration : IEntityTypeConfiguration<ApplicationUser>
{
    public void Configure(EntityTypeBuilder<ApplicationUser> builder)
    {
        builder.Property(user => user.DisplayName).HasMaxLength(50);
        // The dormancy jobs' selection: customers by last activity, an index range (DormantAccountStatements).
        // It replaces (IsDormant, LastLoginAt), which missed accounts that never signed in and was one
        // more index for every conversion to change.
        builder.Property(user => user.LastActiveAt).HasComputedColumnSql("COALESCE(`LastLoginAt`, `CreatedAt`)", stored: true);
        builder.HasIndex(user => new { user.IsDormant, user.LastActiveAt });
        builder.HasIndex(user => user.PhoneNumber);

        // Name-prefix search of customers in the back office's reservation search.
        builder.HasIndex(user => user.DisplayName);
    }
}
