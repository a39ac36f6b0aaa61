using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using TicketBlue.Domain.Search;
using TicketBlue.Infrastructure.Observability;
using TicketBlue.Infrastructure.Search;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>
/// Registers the catalogue search: the EF Core interceptors that notice catalogue changes, the feed
/// that spreads them over Redis, this node's index and its indexer, the search port and its health check.
/// </summary>
public static class SearchServices
{
    public static IHostApplicationBuilder AddSearch(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddBusinessMetrics();
        services.AddOptions<SearchOptions>()
            .Bind(builder.Configuration.GetSection(SearchOptions.Section))
            // A relative index path is relative to the app's content root, like the other local data.
            .PostConfigure(options => options.IndexPath = Path.Combine(builder.Environment.ContentRootPath, options.IndexPath))
            .Validate(options => !string.IsNullOrWhiteSpace(options.IndexPath), "Search:IndexPath must not be empty.");
        services.AddSingleton<LocalCatalogChanges>();
        services.AddSingleton<CatalogChangeCapture>();
        // The database registration adds every IInterceptor to the DbContext options.
        services.AddSingleton<IInterceptor, CatalogSaveChangesInterceptor>();
        services.AddSingleton<IInterceptor, CatalogTransactionInterceptor>();

        services.AddSingleton<SearchIndex>();
        // The indexer and its jobs, one class each, sharing the index's write gate.
        services.AddSingleton<SearchIndexWriting>();
        services.AddSingleton<SearchIndexBacklog>();
        services.AddSingleton<SearchChangeApplier>();
        services.AddSingleton<SearchIndexRebuilder>();
        services.AddSingleton<SearchIndexCommitter>();
        services.AddSingleton<SearchIndexAuditor>();
        services.AddSingleton<SearchIndexer>();
        services.AddSingleton<ISearchIndexAdmin>(provider => provider.GetRequiredService<SearchIndexer>());
        services.AddSingleton<ISearchIndexLagSource>(provider => provider.GetRequiredService<SearchIndexer>());
        services.AddHostedService(provider => provider.GetRequiredService<SearchIndexer>());
        services.AddSingleton<CatalogChangeFeed>();
        services.AddHostedService(provider => provider.GetRequiredService<CatalogChangeFeed>());
        services.TryAddSingletonTimeProvider();
        services.AddSingleton<ICatalogSearch, LuceneCatalogSearch>();
        services.AddHealthChecks().AddCheck<SearchIndexHealthCheck>("search-index", tags: ["ready"]);
        return builder;
    }

    private static void TryAddSingletonTimeProvider(this IServiceCollection services)
    {
        if (!services.Any(descriptor => descriptor.ServiceType == typeof(TimeProvider)))
        {
            services.AddSingleton(TimeProvider.System);
        }
    }
}
