using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using TicketBlue.Domain.Search;
using TicketBlue.Infrastructure.Booking;
using TicketBlue.Infrastructure.Caching;
using TicketBlue.Infrastructure.Persistence;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the Redis read cache and what keeps it exact (ADR-005). Call after AddBooking.</summary>
public static class CachingServices
{
    public static IHostApplicationBuilder AddCaching(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<CacheOptions>().Bind(builder.Configuration.GetSection(CacheOptions.Section));
        // From the connection string, not from a context: the contexts' options need the cache (interceptor).
        var database = new MySqlConnector.MySqlConnectionStringBuilder(builder.Configuration.GetConnectionString("TicketBlue") ?? string.Empty).Database;
        services.AddSingleton(new CacheKeyspace(database));
        services.AddSingleton<CacheStore>();
        services.AddSingleton<CacheInvalidationInterceptor>();
        services.AddSingleton<RoundPerformances>();

        // Its own options step, independent of AddDatabase and of the search index's interceptor.
        services.ConfigureDbContext<TicketBlueDbContext>(
            (provider, options) => options.AddInterceptors(provider.GetRequiredService<CacheInvalidationInterceptor>()),
            ServiceLifetime.Singleton);

        if (!services.TryDecorate<IRoundSeatFeed, SeatCacheInvalidatingFeed>())
        {
            throw new InvalidOperationException("AddCaching needs the seat feed: call AddBooking first.");
        }

        return builder;
    }

    /// <summary>
    /// Puts <see cref="CachedCatalogSearch"/> in front of the registered search engine; does nothing
    /// when no <see cref="ICatalogSearch"/> is registered. Call after the engine's registration.
    /// </summary>
    public static IServiceCollection AddCatalogSearchCache(this IServiceCollection services)
    {
        services.TryDecorate<ICatalogSearch, CachedCatalogSearch>();
        return services;
    }
}
