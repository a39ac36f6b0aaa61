using Microsoft.Extensions.DependencyInjection;
using TicketBlue.Infrastructure.Persistence;

namespace TicketBlue.DemoData;

/// <summary>Registers the demo catalogue's seeder for the start-up initialiser (<see cref="IDemoDataSeeder"/>).</summary>
public static class DemoDataServices
{
    public static IServiceCollection AddDemoData(this IServiceCollection services)
    {
        services.AddScoped<DemoDataSeeder>();
        services.AddScoped<IDemoDataSeeder>(provider => provider.GetRequiredService<DemoDataSeeder>());
        return services;
    }
}
