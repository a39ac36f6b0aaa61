namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the handlers of the feature slices.</summary>
public static class FeatureServices
{
    public static IServiceCollection AddFeatures(this IServiceCollection services)
    {
        services.AddCatalogFeatures();
        services.AddBookingFeatures();
        services.AddReservationFeatures();
        services.AddReviewFeatures();
        services.AddCheckoutFeatures();
        services.AddCouponFeatures();
        services.AddSearchFeatures();
        services.AddAdminFeatures();
        services.AddGateFeatures();
        services.AddWaitingRoomPages();
        return services;
    }
}
