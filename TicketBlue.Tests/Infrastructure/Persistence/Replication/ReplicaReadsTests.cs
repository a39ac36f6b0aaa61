using Microsoft.EntityFrameworkCore;
using MySqlConnector;
using Shouldly;
using TicketBlue.Infrastructure.Persistence.Replication;
using TicketBlue.Tests.Fixtures;

namespace TicketBlue.Tests.Infrastructure.Persistence.Replication;

/// <summary>
/// Read routing on a real GTID replica: reads go to the replica while it replicates within the lag, to the
/// primary with no failed read when it dies (between two checks too) or stops applying, and back on recovery.
/// One collection: the lag test stops the shared test replica's SQL thread for a moment.
/// </summary>
[Trait("Category", "Integration")]
[Collection(SharedReplica.Name)]
public sealed class ReplicaReadsTests(ReplicaRig rig) : IClassFixture<ReplicaRig>, IAsyncLifetime
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        rig.Gate.Restore();
        await ReplicaRig.WaitUntilReplicaCaughtUpAsync();
        await rig.Monitor.CheckAsync(Token);
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    [Fact]
    public async Task ShouldReadOnTheReplica_GivenItReplicatesWithinTheLag()
    {
        rig.Status.State.ShouldBe(ReplicaState.Usable);
        rig.Status.Lag.ShouldNotBeNull().ShouldBeLessThanOrEqualTo(rig.Options.Value.MaxLag);
        rig.ReplicaServerId.ShouldNotBe(rig.PrimaryServerId);

        await using var context = await rig.Reads.CreateDbContextAsync(Token);

        (await ReplicaRig.ServerIdAsync(context, Token)).ShouldBe(rig.ReplicaServerId);
    }

    [Fact]
    public async Task ShouldSeeTheLatestWriteOnTheReplica_GivenTheWriterWaitedForItToCatchUp()
    {
        var role = $"role-{Guid.NewGuid():N}";
        await using (var primary = rig.Database.CreateContext())
        {
            await primary.Database.ExecuteSqlAsync($"INSERT INTO AspNetRoles (Id, Name, NormalizedName) VALUES ({role}, {role}, {role.ToUpperInvariant()})", Token);
        }

        (await rig.CatchUp.WaitForPrimaryAsync(Token)).ShouldBeTrue();

        await using var context = await rig.Reads.CreateDbContextAsync(Token);
        (await ReplicaRig.ServerIdAsync(context, Token)).ShouldBe(rig.ReplicaServerId);
        (await context.Roles.CountAsync(r => r.Name == role, Token)).ShouldBe(1);
    }

    [Fact]
    public async Task ShouldFailNoRead_GivenTheReplicaDiesBetweenTwoChecks()
    {
        rig.Status.IsUsable.ShouldBeTrue();
        // Warm the replica's pool, so the cut also kills sessions the next reads are handed.
        await using (var warm = await rig.Reads.CreateDbContextAsync(Token))
        {
            (await ReplicaRig.ServerIdAsync(warm, Token)).ShouldBe(rig.ReplicaServerId);
        }

        rig.Gate.Cut();

        // Four readers at once, 25 reads each, before any check has noticed.
        var failures = 0;
        var served = new System.Collections.Concurrent.ConcurrentBag<long>();
        await Task.WhenAll(Enumerable.Range(0, 4).Select(async _ =>
        {
            for (var i = 0; i < 25; i++)
            {
                try
                {
                    await using var context = await rig.Reads.CreateDbContextAsync(Token);
                    served.Add(await ReplicaRig.ServerIdAsync(context, Token));
                    await context.Roles.CountAsync(Token);
                }
                catch (Exception exception) when (exception is MySqlException or InvalidOperationException or DbUpdateException)
                {
                    Interlocked.Increment(ref failures);
                }
            }
        }));

        failures.ShouldBe(0);
        served.Count.ShouldBe(100);
        served.ShouldAllBe(server => server == rig.PrimaryServerId);
        rig.Status.State.ShouldBe(ReplicaState.Down);

        await rig.Monitor.CheckAsync(Token);
        rig.Status.State.ShouldBe(ReplicaState.Down, "the check sees it down too");

        rig.Gate.Restore();
        await rig.Monitor.CheckAsync(Token);

        rig.Status.State.ShouldBe(ReplicaState.Usable);
        await using var back = await rig.Reads.CreateDbContextAsync(Token);
        (await ReplicaRig.ServerIdAsync(back, Token)).ShouldBe(rig.ReplicaServerId);
    }

    [Fact]
    public async Task ShouldReadOnThePrimary_GivenTheReplicaStoppedApplying_AndOnTheReplicaAgainOnceItCaughtUp()
    {
        rig.Status.IsUsable.ShouldBeTrue();
        await ReplicaRig.OnReplicaAsync("STOP SLAVE SQL_THREAD");
        try
        {
            var role = $"role-{Guid.NewGuid():N}";
            await using (var primary = rig.Database.CreateContext())
            {
                await primary.Database.ExecuteSqlAsync($"INSERT INTO AspNetRoles (Id, Name, NormalizedName) VALUES ({role}, {role}, {role.ToUpperInvariant()})", Token);
            }

            await rig.Monitor.CheckAsync(Token);

            rig.Status.IsUsable.ShouldBeFalse();
            rig.Status.State.ShouldBe(ReplicaState.NotReplicating);
            rig.Status.Lag.ShouldBeNull();
            await using var context = await rig.Reads.CreateDbContextAsync(Token);
            (await ReplicaRig.ServerIdAsync(context, Token)).ShouldBe(rig.PrimaryServerId);
            (await context.Roles.CountAsync(r => r.Name == role, Token)).ShouldBe(1, "the read sees the write the replica has not applied");
        }
        finally
        {
            await ReplicaRig.OnReplicaAsync("START SLAVE SQL_THREAD");
        }

        await ReplicaRig.WaitUntilReplicaCaughtUpAsync();
        await rig.Monitor.CheckAsync(Token);

        rig.Status.State.ShouldBe(ReplicaState.Usable);
        await using var back = await rig.Reads.CreateDbContextAsync(Token);
        (await ReplicaRig.ServerIdAsync(back, Token)).ShouldBe(rig.ReplicaServerId);
    }
}
