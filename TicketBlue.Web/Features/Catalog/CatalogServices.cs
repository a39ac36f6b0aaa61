using TicketBlue.Web.Features.Catalog.Caching;
using TicketBlue.Web.Features.Catalog.Home;
using TicketBlue.Web.Features.Catalog.Categories;
using TicketBlue.Web.Features.Catalog.Performances;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>
/// Puts the Redis cache in front of the catalogue pages customers read most (ADR-005). The handlers
/// themselves are registered by convention (<see cref="FeatureServices"/>); call this after that.
/// </summary>
public static class CatalogServices
{
    public static IServiceCollection AddCatalogFeatures(this IServiceCollection services)
    {
        services.Decorate<IGetCategoryListingHandler, CachedCategoryListingHandler>();
        services.Decorate<IGetPerformanceDetailHandler, CachedPerformanceDetailHandler>();
        services.Decorate<IGetHomeCatalogHandler, CachedHomeCatalogHandler>();

        // The uncached handlers stay resolvable by their class names (benchmarks compare the two).
        services.AddScoped<GetCategoryListingHandler>();
        services.AddScoped<GetPerformanceDetailHandler>();
        services.AddScoped<GetHomeCatalogHandler>();
        return services;
    }
}
