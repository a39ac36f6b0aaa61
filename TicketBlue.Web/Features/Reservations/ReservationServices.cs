using TicketBlue.Web.Features.Reservations;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the customer's reservation queries ("내 예매" and one reservation's page).</summary>
public static class ReservationServices
{
    public static IServiceCollection AddReservationFeatures(this IServiceCollection services)
    {
        services.AddScoped<IListMyReservationsHandler, ListMyReservationsHandler>();
        services.AddScoped<IGetReservationDetailHandler, GetReservationDetailHandler>();
        return services;
    }
}
