using Microsoft.EntityFrameworkCore;
using TicketBlue.Domain.Performances;
using TicketBlue.Domain.Reservations;
using TicketBlue.Domain.Rounds;
using TicketBlue.Infrastructure.Persistence;
using TicketBlue.Infrastructure.Persistence.Replication;

namespace TicketBlue.Web.Features.Admin.Dashboard;

/// <summary>The numbers an admin sees first.</summary>
public sealed record AdminDashboard(int Venues, int Performers, int PublishedPerformances, int UpcomingRounds, int SeatsOnSale, int ConfirmedReservations);

public interface IGetAdminDashboardHandler
{
    Task<AdminDashboard> HandleAsync(CancellationToken cancellationToken);
}

public sealed class GetAdminDashboardHandler([FromKeyedServices(ReadDbContextFactory.Key)] IDbContextFactory<TicketBlueDbContext> contextFactory, TimeProvider clock) : IGetAdminDashboardHandler
{
    public async Task<AdminDashboard> HandleAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        await using var context = await contextFactory.CreateDbContextAsync(cancellationToken);
        var upcomingRounds = context.Rounds.Where(round => round.Status == RoundStatus.Scheduled && round.StartsAt > now);
        return new AdminDashboard(
            await context.Venues.CountAsync(venue => !venue.IsArchived, cancellationToken),
            await context.Performers.CountAsync(performer => !performer.IsArchived, cancellationToken),
            await context.Performances.CountAsync(performance => performance.Status == PerformanceStatus.Published, cancellationToken),
            await upcomingRounds.CountAsync(cancellationToken),
            await context.RoundSeats.Where(RoundSeat.AvailableAt(now)).CountAsync(seat => upcomingRounds.Any(round => round.Id == seat.RoundId), cancellationToken),
            await context.Reservations.CountAsync(reservation => reservation.Status == ReservationStatus.Confirmed, cancellationToken));
    }
}
