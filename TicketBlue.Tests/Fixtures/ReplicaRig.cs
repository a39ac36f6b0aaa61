using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using MySqlConnector;
using Shouldly;
using TicketBlue.Infrastructure.Persistence;
using TicketBlue.Infrastructure.Persistence.Replication;

namespace TicketBlue.Tests.Fixtures;

/// <summary>
/// A migrated test database on the primary, its copy on the real GTID replica (<see cref="TestEnvironment.ReplicaConnectionString"/>)
/// reached through a <see cref="TcpGate"/> the test can cut, and the app's read routing wired over both. The
/// monitor's timer is an hour: tests run each check themselves (<see cref="ReplicaMonitor.CheckAsync"/>).
/// </summary>
public sealed class ReplicaRig : IAsyncLifetime
{
    private readonly MySqlConnectionStringBuilder _replica = new(TestEnvironment.ReplicaConnectionString);

    public ReplicaRig()
    {
        Gate = new TcpGate(_replica.Server, (int)_replica.Port);
        Options = Microsoft.Extensions.Options.Options.Create(new ReplicaOptions
        {
            CheckInterval = TimeSpan.FromMinutes(1),
            // The shared test replica also applies every other test's migrations and may fall seconds behind
            // under a full run; lag is tested by stopping its SQL thread, which no MaxLag allows.
            MaxLag = TimeSpan.FromMinutes(5),
            CatchUpTimeout = TimeSpan.FromSeconds(10),
            // Generous for a loaded test machine: a cut gate refuses at once, so nothing waits this long.
            ConnectTimeout = TimeSpan.FromSeconds(10),
        });
        var throughGate = new MySqlConnectionStringBuilder(TestEnvironment.ReplicaConnectionString) { Port = (uint)Gate.Port }.ConnectionString;
        Connections = new ReplicaConnections(Database.ConnectionString, throughGate, Options.Value);
        Status = new ReplicaStatus(configured: true);
        Monitor = new ReplicaMonitor(new ReplicaProbe(Connections), Status, Options, TimeProvider.System, NullLogger<ReplicaMonitor>.Instance);
        CatchUp = new ReplicaCatchUp(Connections, Status, Options);
        Reads = new ReadDbContextFactory(new TestDbContextFactory(Database), Status, Connections, NullLoggerFactory.Instance);
    }

    public MariaDbDatabase Database { get; } = new();

    public TcpGate Gate { get; }

    public IOptions<ReplicaOptions> Options { get; }

    public ReplicaConnections Connections { get; }

    public ReplicaStatus Status { get; }

    public ReplicaMonitor Monitor { get; }

    public ReplicaCatchUp CatchUp { get; }

    public IDbContextFactory<TicketBlueDbContext> Reads { get; }

    /// <summary>The primary's and the replica's <c>@@server_id</c>, asked of each directly.</summary>
    public long PrimaryServerId { get; private set; }

    public long ReplicaServerId { get; private set; }

    public async ValueTask InitializeAsync()
    {
        await Database.InitializeAsync();
        await Database.MigrateAsync();
        PrimaryServerId = await ScalarAsync<long>(TestEnvironment.ServerConnectionString, "SELECT @@server_id");
        ReplicaServerId = await ScalarAsync<long>(TestEnvironment.ReplicaConnectionString, "SELECT @@server_id");
        await WaitUntilReplicaCaughtUpAsync();
        await Monitor.CheckAsync(TestContext.Current.CancellationToken);
    }

    /// <summary>The server a read context's statements run on now.</summary>
    public static async Task<long> ServerIdAsync(TicketBlueDbContext context, CancellationToken cancellationToken) =>
        await context.Database.SqlQueryRaw<long>("SELECT @@server_id AS `Value`").SingleAsync(cancellationToken);

    /// <summary>
    /// Waits until the real replica has applied everything the primary has committed (up to two minutes: the
    /// shared replica may be applying another run's bulk load), so a test starts on a replica within its lag.
    /// </summary>
    public static async Task WaitUntilReplicaCaughtUpAsync()
    {
        var position = await ScalarAsync<string>(TestEnvironment.ServerConnectionString, "SELECT @@gtid_binlog_pos");
        await using var connection = new MySqlConnection(TestEnvironment.ReplicaConnectionString);
        await connection.OpenAsync();
        await using var command = new MySqlCommand("SELECT MASTER_GTID_WAIT(@position, 120)", connection) { CommandTimeout = 130 };
        command.Parameters.AddWithValue("@position", position);
        Convert.ToInt32(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture)
            .ShouldBe(0, "the test replica did not catch up with the primary within two minutes");
    }

    /// <summary>Runs SQL on the real replica itself (not through the gate), e.g. to stop its SQL thread.</summary>
    public static async Task OnReplicaAsync(string sql)
    {
        await using var connection = new MySqlConnection(TestEnvironment.ReplicaConnectionString);
        await connection.OpenAsync();
        await using var command = new MySqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await Gate.DisposeAsync();
        MySqlConnection.ClearAllPools();
        await Database.DisposeAsync();
    }

    internal static async Task<T> ScalarAsync<T>(string connectionString, string sql)
    {
        await using var connection = new MySqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new MySqlCommand(sql, connection);
        return (T)Convert.ChangeType((await command.ExecuteScalarAsync())!, typeof(T), System.Globalization.CultureInfo.InvariantCulture);
    }
}
