using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using TicketBlue.Infrastructure.Booking;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers seat holds (behind the seat-spinning cooldown), the live seat feed (one per node, linked by Redis) and the hold sweep.</summary>
public static class BookingServices
{
    public static IHostApplicationBuilder AddBooking(this IHostApplicationBuilder builder)
    {
        builder.Services.AddBusinessMetrics();
        builder.Services.AddOptions<SeatFeedOptions>().Bind(builder.Configuration.GetSection(SeatFeedOptions.Section));
        builder.Services.AddSingleton<RedisRoundSeatFeed>();
        builder.Services.AddSingleton<IRoundSeatFeed>(provider => provider.GetRequiredService<RedisRoundSeatFeed>());
        builder.Services.AddHostedService(provider => provider.GetRequiredService<RedisRoundSeatFeed>());
        builder.Services.AddSingleton<HoldSweeper>();
        builder.Services.AddHostedService(provider => provider.GetRequiredService<HoldSweeper>());
        builder.Services.AddSingleton<HoldBatchWriter>();
        builder.Services.AddSingleton<PublicRounds>();
        builder.Services.AddSingleton<HoldBatcher>();
        builder.Services.AddOptions<ReleaseCooldownOptions>()
            .Bind(builder.Configuration.GetSection(ReleaseCooldownOptions.Section))
            .Validate(IsValid, "Booking:ReleaseCooldown: ReleasesAllowed 0–100 and a Window longer than zero and at most a day.")
            .ValidateOnStart();
        builder.Services.AddSingleton<IHoldReleaseLog, RedisHoldReleaseLog>();
        builder.Services.AddScoped<SeatHoldService>();
        builder.Services.AddScoped<ISeatHoldService>(provider =>
            ActivatorUtilities.CreateInstance<CooldownSeatHoldService>(provider, provider.GetRequiredService<SeatHoldService>()));
        return builder;
    }

    private static bool IsValid(ReleaseCooldownOptions options)
    {
        try
        {
            _ = options.ToRule();
            return true;
        }
        catch (TicketBlue.Domain.Common.DomainException)
        {
            return false;
        }
    }
}
