using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using TicketBlue.Domain.Common;
using TicketBlue.Infrastructure.Reservations;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers cancellations and refunds, with the fee and cut-off rules of section "Cancellation".</summary>
public static class CancellationServices
{
    public static IHostApplicationBuilder AddCancellations(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddBusinessMetrics();
        builder.Services.AddOptions<CancellationOptions>()
            .Bind(builder.Configuration.GetSection(CancellationOptions.Section))
            .Validate(IsValid, "Cancellation: the fee tiers need distinct DaysBefore ≥ 1 and Percent 0–100, CutoffDaysBefore 0–60, ClaimLease > 0.")
            .ValidateOnStart();
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<CancellationRecorder>();
        builder.Services.AddScoped<IReservationCancellationService, ReservationCancellationService>();
        return builder;
    }

    private static bool IsValid(CancellationOptions options)
    {
        try
        {
            _ = options.ToPolicy();
            return options.ClaimLease > TimeSpan.Zero;
        }
        catch (DomainException)
        {
            return false;
        }
    }
}
