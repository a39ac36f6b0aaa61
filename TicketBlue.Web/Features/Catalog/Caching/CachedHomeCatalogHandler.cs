using TicketBlue.Infrastructure.Caching;
using TicketBlue.Web.Features.Catalog.Home;

namespace TicketBlue.Web.Features.Catalog.Caching;

/// <summary>The home page's lists from Redis; any catalogue edit drops them, <see cref="CacheOptions.ListTtl"/> bounds clock drift.</summary>
public sealed class CachedHomeCatalogHandler(IGetHomeCatalogHandler inner, CacheStore cache) : IGetHomeCatalogHandler
{
    public async Task<HomeCatalog> HandleAsync(CancellationToken cancellationToken) =>
        (await cache.GetOrLoadAsync<HomeCatalog>(
            "home",
            CatalogCacheJson.Default.HomeCatalog,
            cache.Options.ListTtl,
            async token => await inner.HandleAsync(token),
            cancellationToken))!;
}
