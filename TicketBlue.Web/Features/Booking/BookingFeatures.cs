namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the customer's booking slices' shared per-round seat-map models (the handlers are registered by convention, <see cref="FeatureServices"/>). The hold service and seat feed come from Infrastructure.</summary>
public static class BookingFeatures
{
    public static IServiceCollection AddBookingFeatures(this IServiceCollection services)
    {
        // The round geometry cache; a no-op when something else already added the memory cache.
        services.AddMemoryCache();
        // One seat-map model per round and language on this node, shared by all its viewers (ADR-008).
        services.AddSingleton<TicketBlue.Web.Features.Booking.SeatMapModels>();
        return services;
    }
}
