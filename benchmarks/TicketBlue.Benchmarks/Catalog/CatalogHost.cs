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
            ["ConnectionStrings:TicketBlueReplica"] = options.ReplicaConnectionString ?? string.Empty,
            ["Files:RootPath"] = files.FullName,
            // Outside Development the demo gateway, dev mailbox, demo seeding and plain keys are refused unless allowed (DeploymentSafety).
            ["Deployment:AllowDemoGateway"] = "true",
            ["Deployment:AllowDevMailbox"] = "true",
            ["Deployment:AllowDemoSeeding"] = "true",
            ["Deployment:AllowUnencryptedKeys"] = "true",
            ["Tickets:SigningKey"] = Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32)),
            ["Accounts:LookupKey"] = Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32)),
            // The search engine keeps this host's own index here (never share one between processes).
            ["Search:IndexPath"] = Path.Combine(files.FullName, "search-index"),
        });
        builder.AddInfrastructure();

        // AddInfrastructure() registers the search engine (AddSearch) as the app does. When the cache
        // is merged, check that ICatalogSearch resolves to the index itself and not to the cache's
        // decorator, or set Cache:Enabled=false here: p50/p99 of the target are the index's.
        return new CatalogHost(builder.Build(), files);
    }

    public void Dispose()
    {
        _host.Dispose();
        _files.Delete(recursive: true);
    }
}
