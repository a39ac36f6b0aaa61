using TicketBlue.Web.Features.Checkout;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>
/// Registers what the checkout pages need besides the checkout services themselves (which come from
/// Infrastructure): the order lookup for the payment pages, the demo card window, Toss's client key.
/// </summary>
public static class CheckoutFeatures
{
    public static IServiceCollection AddCheckoutFeatures(this IServiceCollection services)
    {
        services.AddScoped<IGetPendingOrderHandler, GetPendingOrderHandler>();
        services.AddScoped<IDemoPayments, DemoPayments>();
        services.AddOptions<TossClientOptions>().BindConfiguration(TossClientOptions.Section);
        return services;
    }
}
