using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using StackExchange.Redis;
using TicketBlue.Domain.Search;
using TicketBlue.Infrastructure.Persistence;
using TicketBlue.Infrastructure.Search;
using TicketBlue.Tests.Fixtures;

namespace TicketBlue.Tests.Infrastructure.Search;

/// <summary>
/// One app node as far as search goes: a host with the real search registration, its own index
/// folder, the test database (contexts carry the registered interceptors, as in the app) and Redis.
/// </summary>
internal sealed class SearchNode : IAsyncDisposable
{
    private readonly IHost _host;

    private SearchNode(IHost host, string indexPath)
    {
        _host = host;
        IndexPath = indexPath;
    }

    public string IndexPath { get; }

    public ICatalogSearch Search => _host.Services.GetRequiredService<ICatalogSearch>();

    public ISearchIndexAdmin Admin => _host.Services.GetRequiredService<ISearchIndexAdmin>();

    public SearchIndexer Indexer => _host.Services.GetRequiredService<SearchIndexer>();

    public IDbContextFactory<TicketBlueDbContext> Contexts => _host.Services.GetRequiredService<IDbContextFactory<TicketBlueDbContext>>();

    public static async Task<SearchNode> StartAsync(MariaDbDatabase database, string? indexPath = null)
    {
        indexPath ??= Path.Combine(Path.GetTempPath(), "tb-search-tests", Guid.NewGuid().ToString("N"));
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true, EnvironmentName = "Testing" });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Search:IndexPath"] = indexPath,
            ["Search:CommitInterval"] = "00:00:01",
        });
        builder.Services.AddLogging();
        builder.Services.AddDbContextFactory<TicketBlueDbContext>((provider, options) => options
            .UseMySql(database.ConnectionString, Microsoft.Extensions.DependencyInjection.DependencyInjection.ServerVersion)
            .AddInterceptors(provider.GetServices<IInterceptor>()));
        builder.Services.AddSingleton<IConnectionMultiplexer>(_ => ConnectionMultiplexer.Connect(TestEnvironment.Redis));
        builder.AddSearch();

        var host = builder.Build();
        await host.StartAsync(TestContext.Current.CancellationToken);
        var node = new SearchNode(host, indexPath);
        var feed = host.Services.GetRequiredService<CatalogChangeFeed>();
        var ready = await Poll.UntilAsync(() => Task.FromResult(node.Admin.Status is { IsReady: true, IsRebuilding: false } && feed.IsListening), TimeSpan.FromSeconds(60));
        if (!ready)
        {
            await node.DisposeAsync();
            throw new TimeoutException("The search node did not become ready.");
        }

        return node;
    }

    public async ValueTask DisposeAsync()
    {
        await _host.StopAsync(CancellationToken.None);
        _host.Dispose();
    }

    /// <summary>Removes the index folder (once the node is stopped).</summary>
    public void DeleteIndex()
    {
        try
        {
            Directory.Delete(IndexPath, recursive: true);
        }
        catch (DirectoryNotFoundException)
        {
            // Already gone.
        }
    }
}

/// <summary>Waits for a condition by polling, never by a fixed sleep.</summary>
internal static class Poll
{
    public static async Task<bool> UntilAsync(Func<Task<bool>> condition, TimeSpan timeout)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        while (true)
        {
            if (await condition())
            {
                return true;
            }

            if (clock.Elapsed > timeout)
            {
                return false;
            }

            await Task.Delay(20, TestContext.Current.CancellationToken);
        }
    }
}
