using Microsoft.Extensions.Hosting;
using TicketBlue.Infrastructure.Checkout;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the checkout: placing orders (and, by its owner, confirming their payments).</summary>
public static class CheckoutServices
{
    public static IHostApplicationBuilder AddCheckout(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);

        // Scoped like the hold service; it opens its own short-lived contexts from the factory.
        builder.Services.AddScoped<ICheckoutService, CheckoutService>();
        return builder;
    }
}
