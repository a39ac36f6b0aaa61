using Shouldly;
using TicketBlue.Infrastructure.Persistence.Replication;

namespace TicketBlue.Tests.Infrastructure.Persistence.Replication;

[Trait("Category", "Unit")]
public sealed class ReplicaStatusTests
{
    private static readonly TimeSpan MaxLag = TimeSpan.FromSeconds(5);
    private static readonly DateTimeOffset Now = new(2026, 12, 7, 10, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData(0, ReplicaState.Usable)]
    [InlineData(5, ReplicaState.Usable)]
    [InlineData(6, ReplicaState.Lagging)]
    [InlineData(600, ReplicaState.Lagging)]
    public void ShouldBeUsableOnlyWithinTheLag_GivenAReplicatingReplica(int secondsBehind, ReplicaState expected) =>
        ReplicaStatus.Classify(new ReplicaObservation(true, true, TimeSpan.FromSeconds(secondsBehind)), MaxLag).ShouldBe(expected);

    [Fact]
    public void ShouldCountAsLagging_GivenTheLagIsUnknown() =>
        ReplicaStatus.Classify(new ReplicaObservation(true, true, null), MaxLag).ShouldBe(ReplicaState.Lagging);

    [Fact]
    public void ShouldNotBeUsable_GivenItsReplicationThreadsAreStopped() =>
        ReplicaStatus.Classify(new ReplicaObservation(true, false, TimeSpan.Zero), MaxLag).ShouldBe(ReplicaState.NotReplicating);

    [Fact]
    public void ShouldBeDown_GivenItDoesNotAnswer() =>
        ReplicaStatus.Classify(ReplicaObservation.Unreachable("refused"), MaxLag).ShouldBe(ReplicaState.Down);

    [Fact]
    public void ShouldStopRoutingAtOnceAndComeBackOnTheNextGoodCheck_GivenAFailedRead()
    {
        var status = new ReplicaStatus(configured: true);
        status.State.ShouldBe(ReplicaState.Unknown);
        status.IsUsable.ShouldBeFalse();

        status.Observe(new ReplicaObservation(true, true, TimeSpan.FromSeconds(1)), MaxLag, Now);
        status.IsUsable.ShouldBeTrue();
        status.Lag.ShouldBe(TimeSpan.FromSeconds(1));

        status.ReportFailure("connection reset");
        status.State.ShouldBe(ReplicaState.Down);
        status.Lag.ShouldBeNull();
        status.Reason.ShouldBe("connection reset");

        status.Observe(new ReplicaObservation(true, true, TimeSpan.Zero), MaxLag, Now.AddSeconds(1));
        status.IsUsable.ShouldBeTrue();
        status.CheckedAt.ShouldBe(Now.AddSeconds(1));
    }

    [Fact]
    public void ShouldNeverRouteToAReplica_GivenNoneIsConfigured()
    {
        var status = new ReplicaStatus(configured: false);

        status.Observe(new ReplicaObservation(true, true, TimeSpan.Zero), MaxLag, Now);
        status.ReportFailure("anything");

        status.State.ShouldBe(ReplicaState.NotConfigured);
        status.IsUsable.ShouldBeFalse();
        status.IsConfigured.ShouldBeFalse();
    }

    [Theory]
    [InlineData(0.5, 1, 2, 1, false)]
    [InlineData(5, 0.05, 2, 1, false)]
    [InlineData(5, 1, 0.5, 1, false)]
    [InlineData(5, 1, 2, 0, false)]
    [InlineData(5, 1, 2, 11, false)]
    [InlineData(5, 1, 2, 1, true)]
    public void ShouldValidateTheSettings(double maxLag, double checkInterval, double connectTimeout, double catchUp, bool valid) =>
        new ReplicaOptions
        {
            MaxLag = TimeSpan.FromSeconds(maxLag),
            CheckInterval = TimeSpan.FromSeconds(checkInterval),
            ConnectTimeout = TimeSpan.FromSeconds(connectTimeout),
            CatchUpTimeout = TimeSpan.FromSeconds(catchUp),
        }.IsValid().ShouldBe(valid);
}
