using TicketBlue.Web.Features.Catalog.Caching;
using TicketBlue.Web.Features.Catalog.Categories;
using TicketBlue.Web.Features.Catalog.Home;
using TicketBlue.Web.Features.Catalog.Lists;
using TicketBlue.Web.Features.Catalog.Performances;
using TicketBlue.Web.Features.Catalog.Performers;
using TicketBlue.Web.Features.Catalog.Venues;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the customer catalogue's query handlers (home, category, performance, performer and venue pages, and the lists of all of them).</summary>
public static class CatalogServices
{
    public static IServiceCollection AddCatalogFeatures(this IServiceCollection services)
    {
        // Pages customers read most go through the Redis cache (ADR-005); the uncached handlers stay
        // resolvable by their class names (benchmarks compare the two).
        services.AddScoped<GetCategoryListingHandler>();
        services.AddScoped<IGetCategoryListingHandler, CachedCategoryListingHandler>();
        services.AddScoped<GetPerformanceDetailHandler>();
        services.AddScoped<IGetPerformanceDetailHandler, CachedPerformanceDetailHandler>();
        services.AddScoped<GetHomeCatalogHandler>();
        services.AddScoped<IGetHomeCatalogHandler, CachedHomeCatalogHandler>();
        services.AddScoped<IGetPerformerProfileHandler, GetPerformerProfileHandler>();
        services.AddScoped<IGetVenueDetailHandler, GetVenueDetailHandler>();
        services.AddScoped<IListPerformancesHandler, ListPerformancesHandler>();
        services.AddScoped<IListPerformersHandler, ListPerformersHandler>();
        services.AddScoped<IListVenuesHandler, ListVenuesHandler>();
        return services;
    }
}
