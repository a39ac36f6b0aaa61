using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using TicketBlue.Infrastructure.Checkout;
using TicketBlue.Infrastructure.Jobs;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers checkout: placing orders, confirming their payments, and the recovery step.</summary>
public static class CheckoutServices
{
    /// <summary><c>Checkout:Confirmation:*</c> and <c>Checkout:Recovery:*</c> tune them; the defaults suit production.</summary>
    public static IHostApplicationBuilder AddCheckout(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.AddBusinessMetrics();
        builder.Services.AddOptions<PaymentConfirmationOptions>().Bind(builder.Configuration.GetSection(PaymentConfirmationOptions.Section));
        builder.Services.AddOptions<PaymentRecoveryOptions>().Bind(builder.Configuration.GetSection(PaymentRecoveryOptions.Section));

        // Scoped like the hold service; they open their own short-lived contexts from the factory.
        // (Scoped also because the Toss gateway is a typed HttpClient, which a singleton must not capture.)
        builder.Services.AddScoped<ICheckoutService, CheckoutService>();
        builder.Services.AddScoped<PaymentCompletion>();
        builder.Services.AddScoped<UnpaidOrderExpiry>();
        builder.Services.AddOptions<UnpaidOrdersJobOptions>()
            .Bind(builder.Configuration.GetSection(UnpaidOrdersJobOptions.Section))
            .Validate(options => options.ChunkSize is >= 1 and <= 10_000, "Jobs:UnpaidOrders:ChunkSize must be 1 to 10,000.")
            .ValidateOnStart();
        builder.Services.AddScoped<UnpaidOrdersJob>();
        builder.Services.AddScoped<IBatchJob>(provider => provider.GetRequiredService<UnpaidOrdersJob>());
        builder.Services.AddScoped<IPaymentConfirmationService, PaymentConfirmationService>();
        builder.Services.AddSingleton<PaymentRecovery>();
        builder.Services.AddScoped<IBatchJob, PaymentRecoveryJob>();
        return builder;
    }
}
