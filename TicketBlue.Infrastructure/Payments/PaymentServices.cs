using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using TicketBlue.Domain.Payments;
using TicketBlue.Infrastructure.Payments;
using TicketBlue.Infrastructure.Payments.Demo;
using TicketBlue.Infrastructure.Payments.Toss;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the payment gateway chosen by <c>Payments:Provider</c>.</summary>
public static class PaymentServices
{
    public const string ProviderKey = "Payments:Provider";

    public const string DemoProvider = "Demo";

    public const string TossProvider = "Toss";

    /// <summary>
    /// <c>Payments:Provider</c> = <c>Demo</c> (default: payments kept in Redis, no account needed) or
    /// <c>Toss</c> (<c>Payments:Toss:*</c>, checked at start-up so a node without a secret key never takes an order).
    /// </summary>
    public static IHostApplicationBuilder AddPayments(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.TryAddSingleton(TimeProvider.System);
        var provider = builder.Configuration[ProviderKey];
        if (string.IsNullOrWhiteSpace(provider) || provider.Equals(DemoProvider, StringComparison.OrdinalIgnoreCase))
        {
            // Outside Development only when allowed by name (Deployment:AllowDemoGateway, checked by DeploymentSafety).
            builder.Services.AddSingleton<DemoPaymentGateway>();
            builder.Services.AddSingleton<IPaymentGateway>(services => services.GetRequiredService<DemoPaymentGateway>());
        }
        else if (provider.Equals(TossProvider, StringComparison.OrdinalIgnoreCase))
        {
            builder.Services.AddOptions<TossPaymentsOptions>()
                .Bind(builder.Configuration.GetSection(TossPaymentsOptions.Section))
                .ValidateOnStart();
            builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<TossPaymentsOptions>, TossPaymentsOptionsValidator>());
            builder.Services.AddHttpClient<IPaymentGateway, TossPaymentGateway>((services, client) =>
                TossPaymentGateway.Configure(client, services.GetRequiredService<IOptions<TossPaymentsOptions>>().Value));
        }
        else
        {
            // A typo must not silently take real orders through the demo gateway.
            throw new InvalidOperationException($"{ProviderKey} must be '{DemoProvider}' or '{TossProvider}', not '{provider}'.");
        }

        // Orders a coupon pays in full never reach the gateway.
        builder.Services.Decorate<IPaymentGateway, FreeOrderGateway>();
        return builder;
    }
}
