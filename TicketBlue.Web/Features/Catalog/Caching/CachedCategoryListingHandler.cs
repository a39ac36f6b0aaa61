using System.Globalization;
using TicketBlue.Infrastructure.Caching;
using TicketBlue.Web.Features.Catalog.Categories;

namespace TicketBlue.Web.Features.Catalog.Caching;

/// <summary>
/// Category pages from Redis, for the pages everybody opens: no filters, any sort, any page. Filtered
/// pages (dates, venue, price) are too many and too rarely repeated to be worth keys: they read MariaDB.
/// </summary>
public sealed class CachedCategoryListingHandler(IGetCategoryListingHandler inner, CacheStore cache) : IGetCategoryListingHandler
{
    public async Task<CategoryListing> HandleAsync(CategoryQuery query, CancellationToken cancellationToken)
    {
        if (query.HasFilters)
        {
            return await inner.HandleAsync(query, cancellationToken);
        }

        var page = Math.Max(1, query.Page).ToString(CultureInfo.InvariantCulture);
        return (await cache.GetOrLoadAsync<CategoryListing>(
            $"category:{query.Category}:{CategorySorts.ToCode(query.Sort)}:{page}",
            CatalogCacheJson.Default.CategoryListing,
            cache.Options.ListTtl,
            async token => await inner.HandleAsync(query, token),
            cancellationToken))!;
    }
}
