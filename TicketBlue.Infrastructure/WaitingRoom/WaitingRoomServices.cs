using Microsoft.Extensions.Hosting;
using TicketBlue.Infrastructure.WaitingRoom;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the waiting room: settings reader, the Redis lines, admission tokens and the admitter.</summary>
public static class WaitingRoomServices
{
    public static IHostApplicationBuilder AddWaitingRoom(this IHostApplicationBuilder builder)
    {
        builder.Services.AddBusinessMetrics();
        builder.Services.AddOptions<WaitingRoomOptions>()
            .Bind(builder.Configuration.GetSection(WaitingRoomOptions.Section))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        builder.Services.AddMemoryCache();
        builder.Services.AddSingleton<WaitingRoomSettingsReader>();
        builder.Services.AddSingleton<WaitingRoomKeyspace>();
        builder.Services.AddSingleton<AdmissionTokens>();
        builder.Services.AddSingleton<IWaitingRoom, WaitingRoomService>();
        builder.Services.AddSingleton<WaitingRoomAdmitter>();
        builder.Services.AddHostedService(provider => provider.GetRequiredService<WaitingRoomAdmitter>());
        return builder;
    }
}
