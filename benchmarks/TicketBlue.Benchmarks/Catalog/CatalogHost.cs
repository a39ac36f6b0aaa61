using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace TicketBlue.Benchmarks.Catalog;

/// <summary>
/// The app's own services over the benchmark database, in this process: what the index and admin
/// search are measured through, so their p50/p99 are the engine's and the query's, not HTTP's.
/// The host is built, never started: no background service runs while measuring.
/// </summary>
public sealed class CatalogHost : IDisposable
{
    private readonly IHost _host;
    private readonly DirectoryInfo _files;

    private CatalogHost(IHost host, DirectoryInfo files)
    {
        _host = host;
        _files = files;
    }

    public IServiceProvider Services => _host.Services;

    public static CatalogHost Build(CatalogOptions options)
    {
        var files = Directory.CreateTempSubdirectory("tb-catalog-bench-");
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { EnvironmentName = "Production", DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ConnectionStrings:TicketBlue"] = options.ConnectionString,
            ["ConnectionStrings:Redis"] = options.Redis,
            ["Files:RootPath"] = files.FullName,
            ["Tickets:SigningKey"] = Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32)),
            // The search engine (search branch) keeps its index here; harmless before it is merged.
            ["Search:IndexPath"] = Path.Combine(files.FullName, "search-index"),
        });
        builder.AddInfrastructure();

        // TODO-at-merge: register the search engine as the app does (search branch: builder.AddSearch()),
        // and the cache if the search is measured through it (it should not be: p50/p99 are the index's).
        return new CatalogHost(builder.Build(), files);
    }

    public void Dispose()
    {
        _host.Dispose();
        _files.Delete(recursive: true);
    }
}
