using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MySqlConnector;
using Shouldly;
using TicketBlue.Infrastructure.Persistence;
using TicketBlue.Infrastructure.Persistence.Replication;
using TicketBlue.Tests.Fixtures;

namespace TicketBlue.Tests.Infrastructure.Persistence.Replication;

/// <summary>
/// The app configured with a replica (through a gate the test cuts): the read factory it hands out routes to
/// it, catalogue pages answer while it is down, and <c>/health/ready</c> shows it degraded, never failed.
/// </summary>
[Trait("Category", "Integration")]
[Collection(SharedReplica.Name)]
public sealed class ReplicaAppTests : IAsyncLifetime
{
    private readonly MariaDbDatabase _database = new();
    private readonly TcpGate _gate;
    private TicketBlueAppFactory _app = default!;

    public ReplicaAppTests()
    {
        var replica = new MySqlConnectionStringBuilder(TestEnvironment.ReplicaConnectionString);
        _gate = new TcpGate(replica.Server, (int)replica.Port);
    }

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        await _database.InitializeAsync();
        var replica = new MySqlConnectionStringBuilder(TestEnvironment.ReplicaConnectionString) { Port = (uint)_gate.Port };
        _app = new TicketBlueAppFactory(_database, seedDemoData: false, settings: new Dictionary<string, string?>
        {
            ["ConnectionStrings:TicketBlueReplica"] = replica.ConnectionString,
            // The test runs every check itself (the node's own first check comes a minute after start).
            ["Replica:CheckInterval"] = "00:01:00",
            // The shared test replica also applies every other test's migrations and may fall seconds behind
            // under a full run: this test is about a replica that dies, not one that lags (ReplicaReadsTests).
            ["Replica:MaxLag"] = "00:05:00",
            // Generous for a loaded test machine: a cut gate refuses at once, so nothing waits this long.
            ["Replica:ConnectTimeout"] = "00:00:10",
            ["Replica:CatchUpTimeout"] = "00:00:10",
        });
        _ = _app.Services;

        // The replica applies the migrations the app ran (and whatever else the shared primary did).
        await ReplicaRig.WaitUntilReplicaCaughtUpAsync();
        await Monitor.CheckAsync(Token);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.DisposeAsync();
        await _gate.DisposeAsync();
        MySqlConnection.ClearAllPools();
        await _database.DisposeAsync();
    }

    private ReplicaMonitor Monitor => _app.Services.GetRequiredService<ReplicaMonitor>();

    [Fact]
    public async Task ShouldServeCataloguePagesAndReportTheReplicaDegraded_GivenItGoesDownAndComesBack()
    {
        using var client = _app.CreateClient();
        var reads = _app.Services.GetRequiredKeyedService<IDbContextFactory<TicketBlueDbContext>>(ReadDbContextFactory.Key);
        await using (var context = await reads.CreateDbContextAsync(Token))
        {
            (await ReplicaRig.ServerIdAsync(context, Token)).ShouldBe(await ReplicaServerIdAsync());
        }

        // Ready also waits for this node's search index, built in the background at start-up: poll as a load balancer does.
        var deadline = DateTime.UtcNow.AddSeconds(30);
        var healthy = await ReplicaHealthAsync(client);
        while (healthy.HttpStatus != HttpStatusCode.OK && DateTime.UtcNow < deadline)
        {
            await Task.Delay(100, Token);
            healthy = await ReplicaHealthAsync(client);
        }

        healthy.HttpStatus.ShouldBe(HttpStatusCode.OK);
        healthy.Status.ShouldBe("Healthy");
        healthy.State.ShouldBe(nameof(ReplicaState.Usable));

        _gate.Cut();
        foreach (var page in new[] { "/", "/performances", "/performers", "/venues" })
        {
            using var response = await client.GetAsync(new Uri(page, UriKind.Relative), Token);
            response.StatusCode.ShouldBe(HttpStatusCode.OK, page);
        }

        await Monitor.CheckAsync(Token);
        var degraded = await ReplicaHealthAsync(client);
        degraded.HttpStatus.ShouldBe(HttpStatusCode.OK, "a replica down degrades the node, it does not take it out");
        degraded.Status.ShouldBe("Degraded");
        degraded.State.ShouldBe(nameof(ReplicaState.Down));

        _gate.Restore();
        await Monitor.CheckAsync(Token);
        (await ReplicaHealthAsync(client)).Status.ShouldBe("Healthy");
    }

    private static async Task<(HttpStatusCode HttpStatus, string? Status, string? State)> ReplicaHealthAsync(HttpClient client)
    {
        using var response = await client.GetAsync(new Uri("/health/ready", UriKind.Relative), Token);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Token));
        var check = body.RootElement.GetProperty("checks").GetProperty("mariadb-replica");
        return (response.StatusCode, check.GetProperty("status").GetString(), check.GetProperty("data").GetProperty("state").GetString());
    }

    private static Task<long> ReplicaServerIdAsync() =>
        ReplicaRig.ScalarAsync<long>(TestEnvironment.ReplicaConnectionString, "SELECT @@server_id");
}
