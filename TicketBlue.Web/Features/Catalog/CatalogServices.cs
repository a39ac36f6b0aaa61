using TicketBlue.Web.Features.Catalog.Categories;
using TicketBlue.Web.Features.Catalog.Lists;
using TicketBlue.Web.Features.Catalog.Performances;
using TicketBlue.Web.Features.Catalog.Performers;
using TicketBlue.Web.Features.Catalog.Venues;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the customer catalogue's query handlers (category, performance, performer and venue pages, and the lists of all of them).</summary>
public static class CatalogServices
{
    public static IServiceCollection AddCatalogFeatures(this IServiceCollection services)
    {
        services.AddScoped<IGetCategoryListingHandler, GetCategoryListingHandler>();
        services.AddScoped<IGetPerformanceDetailHandler, GetPerformanceDetailHandler>();
        services.AddScoped<IGetPerformerProfileHandler, GetPerformerProfileHandler>();
        services.AddScoped<IGetVenueDetailHandler, GetVenueDetailHandler>();
        services.AddScoped<IListPerformancesHandler, ListPerformancesHandler>();
        services.AddScoped<IListPerformersHandler, ListPerformersHandler>();
        services.AddScoped<IListVenuesHandler, ListVenuesHandler>();
        return services;
    }
}
