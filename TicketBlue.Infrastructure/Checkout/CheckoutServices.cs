using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using TicketBlue.Infrastructure.Checkout;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers checkout: payment confirmation and its recovery step (order placement joins here).</summary>
public static class CheckoutServices
{
    /// <summary><c>Checkout:Confirmation:*</c> and <c>Checkout:Recovery:*</c> tune them; the defaults suit production.</summary>
    public static IHostApplicationBuilder AddCheckout(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.AddOptions<PaymentConfirmationOptions>().Bind(builder.Configuration.GetSection(PaymentConfirmationOptions.Section));
        builder.Services.AddOptions<PaymentRecoveryOptions>().Bind(builder.Configuration.GetSection(PaymentRecoveryOptions.Section));

        // Scoped: the Toss gateway is a typed HttpClient, which must not be captured by a singleton.
        builder.Services.AddScoped<PaymentCompletion>();
        builder.Services.AddScoped<UnpaidOrderExpiry>();
        builder.Services.AddScoped<IPaymentConfirmationService, PaymentConfirmationService>();
        builder.Services.AddSingleton<PaymentRecovery>();
        builder.Services.AddHostedService(provider => provider.GetRequiredService<PaymentRecovery>());
        return builder;
    }
}
