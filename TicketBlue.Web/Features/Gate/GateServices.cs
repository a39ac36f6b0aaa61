using TicketBlue.Web.Features.Gate;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the gate (입장 관리): who is scanning and the rounds to admit.</summary>
public static class GateServices
{
    public static IServiceCollection AddGateFeatures(this IServiceCollection services)
    {
        services.AddScoped<ICurrentGateStaff, CurrentGateStaff>();
        services.AddScoped<IListGateRoundsHandler, ListGateRoundsHandler>();
        return services;
    }
}
