using TicketBlue.Web.Features.WaitingRoom;
using TicketBlue.Web.WaitingRoom;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the waiting room's web side: the seat page's gate and the waiting page's query.</summary>
public static class WaitingRoomWebServices
{
    public static IServiceCollection AddWaitingRoomPages(this IServiceCollection services)
    {
        services.AddScoped<SeatPageAdmission>();
        services.AddScoped<IGetQueueRoundHandler, GetQueueRoundHandler>();
        return services;
    }
}
