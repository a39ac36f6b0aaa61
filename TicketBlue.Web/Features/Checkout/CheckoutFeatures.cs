using TicketBlue.Web.Features.Checkout;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>
/// Registers what the checkout pages need besides the checkout services themselves (which come from
/// Infrastructure): Toss's client key. The order lookup and the demo card window are registered by convention (<see cref="FeatureServices"/>).
/// </summary>
public static class CheckoutFeatures
{
    public static IServiceCollection AddCheckoutFeatures(this IServiceCollection services)
    {
        services.AddOptions<TossClientOptions>().BindConfiguration(TossClientOptions.Section);
        return services;
    }
}
