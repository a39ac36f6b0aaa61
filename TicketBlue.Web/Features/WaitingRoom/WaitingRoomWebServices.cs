using TicketBlue.Web.Features.WaitingRoom;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the waiting room's web side: the seat page's gate (the waiting page's query is registered by convention, <see cref="FeatureServices"/>).</summary>
public static class WaitingRoomWebServices
{
    public static IServiceCollection AddWaitingRoomPages(this IServiceCollection services)
    {
        services.AddScoped<SeatPageAdmission>();
        return services;
    }
}
