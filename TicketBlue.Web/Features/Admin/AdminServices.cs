using Microsoft.EntityFrameworkCore;
using TicketBlue.Infrastructure.Reservations;
using TicketBlue.Infrastructure.Persistence;
using TicketBlue.Infrastructure.Persistence.Replication;
using TicketBlue.Web.Features.Admin.Reservations;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>
/// Registers what the back office needs beyond its handlers and validators (those are registered by
/// convention, <see cref="FeatureServices"/>): the reservation search's query on the replica and the
/// exports' progress.
/// </summary>
public static class AdminServices
{
    public static IServiceCollection AddAdminFeatures(this IServiceCollection services)
    {
        services.AddSingleton(ReservationSearchLimits.Default);
        // Search and export read the replica while it is usable (ADR-011).
        services.AddScoped(provider => new ReservationSearchQuery(
            provider.GetRequiredKeyedService<IDbContextFactory<TicketBlueDbContext>>(ReadDbContextFactory.Key),
            provider.GetRequiredService<ReservationSearchLimits>()));
        services.AddSingleton<ExportProgressRegistry>();
        return services;
    }
}
