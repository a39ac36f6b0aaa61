using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using TicketBlue.Domain.Accounts;
using TicketBlue.Domain.Auditing;
using TicketBlue.Domain.Common;
using TicketBlue.Domain.Coupons;
using TicketBlue.Domain.Booking;
using TicketBlue.Domain.Jobs;
using TicketBlue.Domain.Notifications;
using TicketBlue.Domain.Payments;
using TicketBlue.Domain.Performances;
using TicketBlue.Domain.Performers;
using TicketBlue.Domain.Reservations;
using TicketBlue.Domain.Reviews;
using TicketBlue.Domain.Rounds;
using TicketBlue.Domain.Venues;
using TicketBlue.Domain.WaitingRoom;
using TicketBlue.Infrastructure.Accounts;
using TicketBlue.Infrastructure.Accounts.Dormancy;
using TicketBlue.Infrastructure.Persistence.Conversions;

namespace TicketBlue.Infrastructure.Persistence;

/// <summary>
/// The application's database: Identity plus every aggregate of the domain, one configuration
/// class per entity in <c>Configurations/</c>. Blazor Server code creates one context per operation
/// through <see cref="IDbContextFactory{TContext}"/>.
/// </summary>
/// <remarks>
/// Add a migration with:
/// <c>dotnet ef migrations add NAME --project TicketBlue.Infrastructure --startup-project TicketBlue.Infrastructure --output-dir Persistence/Migrations</c>
/// </remarks>
public sealed class TicketBlueDbContext(DbContextOptions<TicketBlueDbContext> options)
    : IdentityDbContext<ApplicationUser>(options)
{
    public DbSet<Venue> Venues => Set<Venue>();

    public DbSet<SeatLayout> SeatLayouts => Set<SeatLayout>();

    public DbSet<Seat> Seats => Set<Seat>();

    public DbSet<Performer> Performers => Set<Performer>();

    public DbSet<Performance> Performances => Set<Performance>();

    public DbSet<Round> Rounds => Set<Round>();

    public DbSet<RoundSeat> RoundSeats => Set<RoundSeat>();

    public DbSet<SeatHold> SeatHolds => Set<SeatHold>();

    public DbSet<Reservation> Reservations => Set<Reservation>();

    public DbSet<ReservationSeat> ReservationSeats => Set<ReservationSeat>();

    public DbSet<Payment> Payments => Set<Payment>();

    public DbSet<Coupon> Coupons => Set<Coupon>();

    public DbSet<CouponRedemption> CouponRedemptions => Set<CouponRedemption>();

    public DbSet<Review> Reviews => Set<Review>();

    public DbSet<Notification> Notifications => Set<Notification>();

    public DbSet<AuditLogEntry> AuditLog => Set<AuditLogEntry>();

    public DbSet<IdempotencyRecord> IdempotencyRecords => Set<IdempotencyRecord>();

    public DbSet<WaitingRoomSettings> WaitingRooms => Set<WaitingRoomSettings>();

    public DbSet<JobRun> JobRuns => Set<JobRun>();

    /// <summary>Dormant accounts' separated personal data; read it only through <c>DormantPersonalDataStore</c> (audited).</summary>
    public DbSet<DormantPersonalData> DormantPersonalData => Set<DormantPersonalData>();

    public DbSet<WelcomeCouponClaim> WelcomeCouponClaims => Set<WelcomeCouponClaim>();
    /// <summary>One-time staff invitations (issue 16); only the SHA-256 of a link's token is kept.</summary>
    public DbSet<StaffInvitation> StaffInvitations => Set<StaffInvitation>();

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        configurationBuilder.Properties<Money>().HaveConversion<MoneyConverter>();
        configurationBuilder.Properties<SeatGrade>().HaveConversion<SeatGradeConverter>().HaveMaxLength(SeatGrade.MaxLength);
        configurationBuilder.Properties<decimal>().HavePrecision(18, 2);
    }

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(TicketBlueDbContext).Assembly);
        builder.StoreEnumsAsStrings();
    }

    /// <summary>
    /// Bumps <c>Version</c> on every modified row where it is a concurrency token, so the optimistic
    /// check works for aggregates whose methods do not bump it themselves. Only tokens: a property that
    /// merely happens to be called Version (a seat layout's v1, v2) is data and stays as it is.
    /// </summary>
    public override Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        foreach (var entry in ChangeTracker.Entries().Where(entry => entry.State == EntityState.Modified))
        {
            var version = entry.Metadata.FindProperty("Version");
            if (version is { IsConcurrencyToken: true } && version.ClrType == typeof(int) && !entry.Property(version.Name).IsModified)
            {
                var property = entry.Property(version.Name);
                property.CurrentValue = (int)property.OriginalValue! + 1;
            }
        }

        return base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
    }
}
