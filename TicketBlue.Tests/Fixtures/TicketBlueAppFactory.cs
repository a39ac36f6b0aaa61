using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using TicketBlue.Web.RateLimiting;

namespace TicketBlue.Tests.Fixtures;

/// <summary>
/// The real application (Program) on its own test database, with the real Redis. With
/// <see cref="StartKestrel"/> it listens on a free loopback port for a real browser.
/// </summary>
public sealed class TicketBlueAppFactory(
    MariaDbDatabase database,
    bool seedDemoData,
    string? invitationCode = TicketBlueAppFactory.InvitationCode,
    string? redis = null,
    IReadOnlyDictionary<string, string?>? settings = null,
    Action<IServiceCollection>? services = null)
    : WebApplicationFactory<Program>
{
    public const string InvitationCode = "test-invitation-code-0123456789";

    // Files and the dev mailbox are shared by every node of one database, as in production, and
    // belong to the database (it deletes them); the search index is each node's own (Lucene allows
    // one writer per folder) and goes with the node.
    private readonly string _blobRoot = database.FilesRoot;
    private readonly string _indexPath = Path.Combine(Path.GetTempPath(), "tb-test-search", $"{database.Name}-{Guid.NewGuid():N}");

    /// <summary>Where this app's dev mailbox writes its .eml files (under the test's own temporary folder).</summary>
    public string MailboxPath => Path.Combine(_blobRoot, "mailbox");

    /// <summary>Starts Kestrel on a free port and returns the base address, e.g. http://127.0.0.1:41234.</summary>
    public Uri StartKestrel()
    {
        UseKestrel(0);
        StartServer();
        var addresses = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses;
        return new Uri(addresses.First().Replace("[::]", "127.0.0.1", StringComparison.Ordinal));
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");

        // Outside Development the framework's and MudBlazor's files come from the publish output;
        // a test run serves them from the build's static web assets manifest instead.
        builder.UseStaticWebAssets();
        builder.UseSetting("ConnectionStrings:TicketBlue", database.ConnectionString);
        builder.UseSetting("ConnectionStrings:Redis", redis ?? TestEnvironment.Redis);
        builder.UseSetting("Database:ApplyMigrationsAtStartup", "true");
        builder.UseSetting("Database:SeedDemoData", seedDemoData ? "true" : "false");
        // Production opens a connection within 1 s; this machine runs many suites at once, so a slow handshake
        // must not open the database circuit here. The fast-failure tests set their own.
        builder.UseSetting("Database:ConnectTimeout", "00:00:05");
        builder.UseSetting("AdminInvitation:Code", invitationCode ?? string.Empty);
        builder.UseSetting("Files:RootPath", _blobRoot);
        builder.UseSetting("Notifications:DevMailbox:Path", MailboxPath);
        builder.UseSetting("Search:IndexPath", _indexPath);
        builder.UseSetting("Serilog:MinimumLevel:Default", "Warning");

        // "Testing" is not Development: the conveniences the tests run on are allowed by name (DeploymentSafety).
        builder.UseSetting("Deployment:AllowDevMailbox", "true");
        builder.UseSetting("Deployment:AllowDemoGateway", "true");
        builder.UseSetting("Deployment:AllowDemoSeeding", "true");
        builder.UseSetting("Deployment:AllowUnencryptedKeys", "true");

        // No Hangfire server unless a test asks for one (Jobs:Server:Enabled): it would only cost start-up and
        // polling. Hangfire's keys are the test database's own, like every other Redis key of the app.
        builder.UseSetting("Jobs:Server:Enabled", "false");
        builder.UseSetting("Jobs:Storage:Prefix", $"{{tb-test:{database.Name}:hangfire}}:");

        // Every test client comes from one address and signs in, holds and reads as fast as it can:
        // far over the production limits. Tests of the limits themselves set their own below.
        foreach (var action in Enum.GetValues<LimitedAction>())
        {
            foreach (var scope in Enum.GetValues<LimitScope>())
            {
                builder.UseSetting($"RateLimits:{action}:{scope}:PermitLimit", "1000000");
            }
        }

        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            builder.UseSetting(key, value);
        }

        if (services is not null)
        {
            builder.ConfigureTestServices(services);
        }
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        if (Directory.Exists(_indexPath))
        {
            Directory.Delete(_indexPath, recursive: true);
        }
    }
}
