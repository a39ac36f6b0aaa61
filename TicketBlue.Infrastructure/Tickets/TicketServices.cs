using Microsoft.Extensions.Hosting;
using TicketBlue.Infrastructure.Tickets;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers ticket codes (signed with the configured key) and the door check-in.</summary>
public static class TicketServices
{
    public static IHostApplicationBuilder AddTickets(this IHostApplicationBuilder builder)
    {
        // Built now, not on first use: a missing or weak key stops the app at start-up.
        builder.Services.AddSingleton(TicketSigningKey.CreateSigner(builder.Configuration, builder.Environment));
        builder.Services.AddScoped<CheckInService>();
        builder.Services.AddScoped<ICheckInService>(provider => provider.GetRequiredService<CheckInService>());
        return builder;
    }
}
