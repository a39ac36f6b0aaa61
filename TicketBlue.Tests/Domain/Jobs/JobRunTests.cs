using Shouldly;
using TicketBlue.Domain.Common;
using TicketBlue.Domain.Jobs;

namespace TicketBlue.Tests.Domain.Jobs;

[Trait("Category", "Unit")]
public sealed class JobRunTests
{
    private static readonly DateTimeOffset Now = DomainTestClock.Now;

    [Fact]
    public void ShouldBeRunningWithNothingDone_WhenStarted()
    {
        var run = JobRun.Start("dormant-accounts", null, Now);

        run.JobKey.ShouldBe("dormant-accounts");
        run.Outcome.ShouldBe(JobRunOutcome.Running);
        run.IsRunning.ShouldBeTrue();
        run.StartedAt.ShouldBe(Now);
        run.EndedAt.ShouldBeNull();
        run.Rows.ShouldBe(0);
        run.Chunks.ShouldBe(0);
        run.Checkpoint.ShouldBeNull();
        run.TriggeredBy.ShouldBeNull();
    }

    [Fact]
    public void ShouldAddRowsAndMoveTheCheckpoint_GivenChunks()
    {
        var run = JobRun.Start("dormant-accounts", "admin@example.com", Now);

        run.RecordChunk("1000", 1000, Now.AddSeconds(2));
        run.RecordChunk("2000", 640, Now.AddSeconds(3));

        run.Rows.ShouldBe(1640);
        run.Chunks.ShouldBe(2);
        run.Checkpoint.ShouldBe("2000");
        run.LastProgressAt.ShouldBe(Now.AddSeconds(3));
        run.Duration.ShouldBe(TimeSpan.FromSeconds(3));
        run.TriggeredBy.ShouldBe("admin@example.com");
    }

    [Fact]
    public void ShouldRefuseNegativeRows()
    {
        var run = JobRun.Start("dormant-accounts", null, Now);

        Should.Throw<DomainException>(() => run.RecordChunk("1", -1, Now)).Code.ShouldBe("job.rows");
    }

    [Fact]
    public void ShouldEndWithoutACheckpoint_WhenItSucceeds()
    {
        var run = JobRun.Start("dormant-accounts", null, Now);
        run.RecordChunk("1000", 10, Now.AddSeconds(1));

        run.Succeed(Now.AddSeconds(5));

        run.Outcome.ShouldBe(JobRunOutcome.Succeeded);
        run.EndedAt.ShouldBe(Now.AddSeconds(5));
        run.Checkpoint.ShouldBeNull();
        run.Duration.ShouldBe(TimeSpan.FromSeconds(5));
        run.CanResume(Now.AddSeconds(6), TimeSpan.FromHours(6)).ShouldBeFalse();
    }

    [Fact]
    public void ShouldKeepAShortErrorAndWhereItStopped_WhenItFails()
    {
        var run = JobRun.Start("dormant-accounts", null, Now);
        run.RecordChunk("1000", 10, Now.AddSeconds(1));

        run.Fail(new string('x', 5000), Now.AddSeconds(2));

        run.Outcome.ShouldBe(JobRunOutcome.Failed);
        run.Error!.Length.ShouldBe(JobRun.ErrorMaxLength);
        run.Checkpoint.ShouldBe("1000");
        run.CanResume(Now.AddSeconds(3), TimeSpan.FromHours(6)).ShouldBeFalse();
    }

    [Fact]
    public void ShouldResumeAStoppedRunWithinTheWindow_AndAbandonAnOlderOne()
    {
        var run = JobRun.Start("dormant-accounts", null, Now);
        run.RecordChunk("1000", 10, Now.AddMinutes(1));

        run.CanResume(Now.AddHours(6), TimeSpan.FromHours(6)).ShouldBeTrue();
        run.CanResume(Now.AddHours(6).AddSeconds(1), TimeSpan.FromHours(6)).ShouldBeFalse();

        run.Resume(Now.AddHours(1));
        run.Resumptions.ShouldBe(1);
        run.StartedAt.ShouldBe(Now);
        run.Checkpoint.ShouldBe("1000");

        run.Abandon(Now.AddHours(7));
        run.Outcome.ShouldBe(JobRunOutcome.Abandoned);
        run.EndedAt.ShouldBe(Now.AddHours(7));
    }

    [Fact]
    public void ShouldRefuseAnythingButRunning_OnceEnded()
    {
        var run = JobRun.Start("dormant-accounts", null, Now);
        run.Succeed(Now);

        Should.Throw<DomainException>(() => run.RecordChunk("1", 1, Now)).Code.ShouldBe("job.run_ended");
        Should.Throw<DomainException>(() => run.Fail("boom", Now)).Code.ShouldBe("job.run_ended");
        Should.Throw<DomainException>(() => run.Resume(Now)).Code.ShouldBe("job.run_ended");
        Should.Throw<DomainException>(() => run.Abandon(Now)).Code.ShouldBe("job.run_ended");
    }

    [Fact]
    public void ShouldNeverEndBeforeItStarted_GivenAnotherNodesSlowerClock()
    {
        var run = JobRun.Start("dormant-accounts", null, Now);

        run.Succeed(Now.AddSeconds(-2));

        run.EndedAt.ShouldBe(Now);
        run.Duration.ShouldBe(TimeSpan.Zero);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void ShouldRefuseABlankJobKey(string key) =>
        Should.Throw<DomainException>(() => JobRun.Start(key, null, Now)).Code.ShouldBe("job.key");
}
