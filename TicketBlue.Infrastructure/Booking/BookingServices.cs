using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using TicketBlue.Infrastructure.Booking;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers seat holds, the live seat feed (one per node, linked by Redis) and the hold sweep.</summary>
public static class BookingServices
{
    public static IHostApplicationBuilder AddBooking(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<SeatFeedOptions>().Bind(builder.Configuration.GetSection(SeatFeedOptions.Section));
        builder.Services.AddSingleton<RedisRoundSeatFeed>();
        builder.Services.AddSingleton<IRoundSeatFeed>(provider => provider.GetRequiredService<RedisRoundSeatFeed>());
        builder.Services.AddHostedService(provider => provider.GetRequiredService<RedisRoundSeatFeed>());
        builder.Services.AddSingleton<HoldSweeper>();
        builder.Services.AddHostedService(provider => provider.GetRequiredService<HoldSweeper>());
        builder.Services.AddSingleton<HoldBatchWriter>();
        builder.Services.AddSingleton<PublicRounds>();
        builder.Services.AddSingleton<HoldBatcher>();
        builder.Services.AddScoped<ISeatHoldService, SeatHoldService>();
        return builder;
    }
}
