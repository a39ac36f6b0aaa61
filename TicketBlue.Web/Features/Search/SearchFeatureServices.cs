using TicketBlue.Web.Features.Search;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>
/// Registers the search pages' own queries. The engine behind <c>ICatalogSearch</c> is registered by
/// the infrastructure that implements it, not here.
/// </summary>
public static class SearchFeatureServices
{
    public static IServiceCollection AddSearchFeatures(this IServiceCollection services) =>
        services.AddScoped<IFindVenueOptionsHandler, FindVenueOptionsHandler>();
}
