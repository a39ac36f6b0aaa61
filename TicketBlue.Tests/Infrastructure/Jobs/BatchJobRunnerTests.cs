using Hangfire;
using Hangfire.States;
using Hangfire.Storage;
using Microsoft.EntityFrameworkCore;
using Shouldly;
using TicketBlue.Domain.Jobs;
using TicketBlue.Infrastructure.Jobs;
using TicketBlue.Web.Jobs;

namespace TicketBlue.Tests.Infrastructure.Jobs;

/// <summary>
/// The runner and Hangfire on two nodes, real MariaDB and Redis: one run at a time across the cluster, resumption
/// from the stored checkpoint, and the run history with its Slack summary. The job is the test-only
/// <see cref="NumberedItemsJob"/>, whose log shows any item processed twice.
/// </summary>
[Trait("Category", "Integration")]
public sealed class BatchJobRunnerTests(JobNodes nodes) : IClassFixture<JobNodes>
{
    private static readonly long[] TenItems = Enumerable.Range(1, 10).Select(number => (long)number).ToArray();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ShouldRunOnceAndRecordIt_WhenTwoNodesStartTheSameJobAtOnce()
    {
        await nodes.ResetAsync(count: 10, chunkSize: 3);
        var gate = new ChunkGate();
        nodes.Items.BeforeChunk = (chunk, token) => chunk == 1 ? gate.HoldAsync(token) : Task.CompletedTask;

        var onA = JobNodes.Runner(nodes.A).RunAsync(NumberedItemsJob.JobKey, null, Ct);
        var onB = JobNodes.Runner(nodes.B).RunAsync(NumberedItemsJob.JobKey, null, Ct);

        // Whoever took the lock is held in its first chunk, so the one that returns first is the one refused.
        var refused = await await Task.WhenAny(onA, onB);
        refused.Ran.ShouldBeFalse();
        gate.Release();
        var results = await Task.WhenAll(onA, onB);

        results.Count(result => result.Ran).ShouldBe(1);
        (await nodes.Items.LogAsync()).Order().ShouldBe(TenItems);
        var run = (await nodes.RunsAsync()).ShouldHaveSingleItem();
        run.Outcome.ShouldBe(JobRunOutcome.Succeeded);
        run.Rows.ShouldBe(10);
        run.Chunks.ShouldBe(4);
        run.EndedAt.ShouldNotBeNull();
        run.Error.ShouldBeNull();
        (await nodes.SummariesAsync(run.Id)).ShouldBe(1);
    }

    [Fact]
    public async Task ShouldRunOnce_WhenHangfireOnBothNodesStartsTheJobTwice()
    {
        await nodes.ResetAsync(count: 10, chunkSize: 3);
        var gate = new ChunkGate();
        nodes.Items.BeforeChunk = (chunk, token) => chunk == 1 ? gate.HoldAsync(token) : Task.CompletedTask;

        var first = JobNodes.Hangfire(nodes.A).Enqueue<BatchJobEntry>(entry => entry.RunAsync(NumberedItemsJob.JobKey, null));
        await gate.Entered.WaitAsync(TimeSpan.FromSeconds(30), Ct);
        var second = JobNodes.Hangfire(nodes.B).Enqueue<BatchJobEntry>(entry => entry.RunAsync(NumberedItemsJob.JobKey, null));

        // The second start finds the lock taken and ends at once, while the first is still in its first chunk.
        await WaitForStateAsync(second, SucceededState.StateName);
        StateOf(first).ShouldBe(ProcessingState.StateName);
        gate.Release();
        await WaitForStateAsync(first, SucceededState.StateName);

        (await nodes.Items.LogAsync()).Order().ShouldBe(TenItems);
        (await nodes.RunsAsync()).ShouldHaveSingleItem().Outcome.ShouldBe(JobRunOutcome.Succeeded);
    }

    [Fact]
    public async Task ShouldNotRunTwiceConcurrently_WhenHangfireStartsALongRunAgainAsAfterTheInvisibilityTimeout()
    {
        await nodes.ResetAsync(count: 10, chunkSize: 3);
        var gate = new ChunkGate();
        nodes.Items.BeforeChunk = (chunk, token) => chunk == 2 ? gate.HoldAsync(token) : Task.CompletedTask;
        var job = JobNodes.Hangfire(nodes.A).Enqueue<BatchJobEntry>(entry => entry.RunAsync(NumberedItemsJob.JobKey, null));
        await gate.Entered.WaitAsync(TimeSpan.FromSeconds(30), Ct);

        // What the storage does to a job still processing past its invisibility timeout: it is queued again and
        // another worker (on either node) starts it while the first is still running.
        JobNodes.Hangfire(nodes.B).Requeue(job).ShouldBeTrue();
        await WaitForStateAsync(job, SucceededState.StateName);
        (await nodes.Items.LogAsync()).ShouldBe([1, 2, 3]);

        gate.Release();
        await WaitUntilAsync(async () => (await nodes.RunsAsync()).Single().Outcome == JobRunOutcome.Succeeded);
        (await nodes.Items.LogAsync()).ShouldBe(TenItems);
        var run = (await nodes.RunsAsync()).ShouldHaveSingleItem();
        run.Rows.ShouldBe(10);
        (await nodes.SummariesAsync(run.Id)).ShouldBe(1);
    }

    [Fact]
    public async Task ShouldResumeFromTheCheckpointOnAnotherNode_WhenARunWasKilledAfterSomeChunks()
    {
        await nodes.ResetAsync(count: 10, chunkSize: 3);
        using var kill = new CancellationTokenSource();
        nodes.Items.BeforeChunk = (chunk, _) =>
        {
            if (chunk == 3)
            {
                // The node goes down before its third chunk does anything.
                kill.Cancel();
                kill.Token.ThrowIfCancellationRequested();
            }

            return Task.CompletedTask;
        };

        await Should.ThrowAsync<OperationCanceledException>(() => JobNodes.Runner(nodes.A).RunAsync(NumberedItemsJob.JobKey, null, kill.Token));
        var stopped = (await nodes.RunsAsync()).ShouldHaveSingleItem();
        stopped.Outcome.ShouldBe(JobRunOutcome.Running);
        stopped.Checkpoint.ShouldBe("6");
        stopped.Rows.ShouldBe(6);

        // Killed outright, its lock stays until the time to live runs out: meanwhile nobody runs the job.
        await nodes.Redis.StringSetAsync(nodes.LockKey, "the-dead-node", TimeSpan.FromMinutes(5));
        nodes.Items.BeforeChunk = (_, _) => Task.CompletedTask;
        (await JobNodes.Runner(nodes.B).RunAsync(NumberedItemsJob.JobKey, null, Ct)).Ran.ShouldBeFalse();

        await nodes.Redis.KeyDeleteAsync(nodes.LockKey);
        var resumed = await JobNodes.Runner(nodes.B).RunAsync(NumberedItemsJob.JobKey, null, Ct);

        resumed.Resumed.ShouldBeTrue();
        resumed.RunId.ShouldBe(stopped.Id);
        (await nodes.Items.LogAsync()).ShouldBe(TenItems);
        (await nodes.Items.DoneAsync()).ShouldBe(TenItems);
        var run = (await nodes.RunsAsync()).ShouldHaveSingleItem();
        run.Outcome.ShouldBe(JobRunOutcome.Succeeded);
        run.Rows.ShouldBe(10);
        run.Resumptions.ShouldBe(1);
        run.StartedAt.ShouldBe(stopped.StartedAt);
        (await nodes.SummariesAsync(run.Id)).ShouldBe(1);
    }

    [Fact]
    public async Task ShouldRecordAShortErrorAndThrowIt_WhenAChunkFails_AndStartAfreshNextTime()
    {
        await nodes.ResetAsync(count: 10, chunkSize: 3);
        nodes.Items.BeforeChunk = (chunk, _) => chunk == 2 ? throw new InvalidOperationException("디스크가 가득 찼습니다") : Task.CompletedTask;

        var thrown = await Should.ThrowAsync<InvalidOperationException>(() => JobNodes.Runner(nodes.A).RunAsync(NumberedItemsJob.JobKey, null, Ct));

        thrown.Message.ShouldBe("디스크가 가득 찼습니다");
        var failed = (await nodes.RunsAsync()).ShouldHaveSingleItem();
        failed.Outcome.ShouldBe(JobRunOutcome.Failed);
        failed.Error.ShouldBe("InvalidOperationException: 디스크가 가득 찼습니다");
        failed.Rows.ShouldBe(3);
        failed.EndedAt.ShouldNotBeNull();
        (await nodes.SummariesAsync(failed.Id)).ShouldBe(1);
        (await nodes.Redis.KeyExistsAsync(nodes.LockKey)).ShouldBeFalse();

        nodes.Items.BeforeChunk = (_, _) => Task.CompletedTask;
        var next = await JobNodes.Runner(nodes.B).RunAsync(NumberedItemsJob.JobKey, "admin@example.com", Ct);

        next.Resumed.ShouldBeFalse();
        next.RunId.ShouldNotBe(failed.Id);
        (await nodes.Items.DoneAsync()).ShouldBe(TenItems);
        var runs = await nodes.RunsAsync();
        runs.Count.ShouldBe(2);
        runs[1].Outcome.ShouldBe(JobRunOutcome.Succeeded);
        runs[1].TriggeredBy.ShouldBe("admin@example.com");
        (await nodes.SummariesAsync(runs[1].Id)).ShouldBe(1);
    }

    [Fact]
    public async Task ShouldStopAtOnceWritingNothing_WhenItsLockRanOutAndAnotherNodeTookIt()
    {
        await nodes.ResetAsync(count: 10, chunkSize: 3);
        nodes.Items.BeforeChunk = async (chunk, _) =>
        {
            if (chunk == 2)
            {
                // This chunk outlived the lock's time to live and another node took the lock meanwhile.
                await nodes.Redis.StringSetAsync(nodes.LockKey, "another-node", TimeSpan.FromMinutes(5));
            }
        };

        await Should.ThrowAsync<JobLockLostException>(() => JobNodes.Runner(nodes.A).RunAsync(NumberedItemsJob.JobKey, null, Ct));

        (await nodes.Items.LogAsync()).ShouldBe([1, 2, 3, 4, 5, 6]);
        var run = (await nodes.RunsAsync()).ShouldHaveSingleItem();
        run.Outcome.ShouldBe(JobRunOutcome.Running);
        run.Checkpoint.ShouldBe("3");
        (await nodes.SummariesAsync(run.Id)).ShouldBe(0);
        ((string?)await nodes.Redis.StringGetAsync(nodes.LockKey)).ShouldBe("another-node");
    }

    [Fact]
    public async Task ShouldAbandonAStoppedRunTooOldToResume_AndStartAfresh()
    {
        await nodes.ResetAsync(count: 4, chunkSize: 3);
        long staleId;
        await using (var context = nodes.Database.CreateContext())
        {
            var stale = JobRun.Start(NumberedItemsJob.JobKey, null, DateTimeOffset.UtcNow.AddHours(-7));
            stale.RecordChunk("3", 3, DateTimeOffset.UtcNow.AddHours(-7));
            context.JobRuns.Add(stale);
            await context.SaveChangesAsync(Ct);
            staleId = stale.Id;
        }

        var result = await JobNodes.Runner(nodes.A).RunAsync(NumberedItemsJob.JobKey, null, Ct);

        result.Resumed.ShouldBeFalse();
        (await nodes.Items.LogAsync()).ShouldBe([1, 2, 3, 4]);
        var runs = await nodes.RunsAsync();
        runs.Single(run => run.Id == staleId).Outcome.ShouldBe(JobRunOutcome.Abandoned);
        runs.Single(run => run.Id == result.RunId).Outcome.ShouldBe(JobRunOutcome.Succeeded);
        (await nodes.SummariesAsync(staleId)).ShouldBe(1);
    }

    [Fact]
    public async Task ShouldRecordARunThatFoundNothingToDo_WithoutTellingSlack()
    {
        await nodes.ResetAsync(count: 0, chunkSize: 3);

        var result = await JobNodes.Runner(nodes.A).RunAsync(NumberedItemsJob.JobKey, null, Ct);

        var run = (await nodes.RunsAsync()).ShouldHaveSingleItem();
        run.Id.ShouldBe(result.RunId!.Value);
        run.Outcome.ShouldBe(JobRunOutcome.Succeeded);
        run.Rows.ShouldBe(0);
        (await nodes.SummariesAsync(run.Id)).ShouldBe(0);
    }

    [Fact]
    public void ShouldScheduleJobsFromConfigurationOnSeoulTime_AndLeaveJobsWithAnEmptyScheduleOut()
    {
        using var connection = nodes.Storage.GetConnection();
        var recurring = connection.GetRecurringJobs();

        var scheduled = recurring.Where(job => job.Id == NumberedItemsJob.JobKey).ShouldHaveSingleItem();
        scheduled.Cron.ShouldBe(JobNodes.TestJobSchedule);
        scheduled.TimeZoneId.ShouldBeOneOf("Asia/Seoul", "Korea Standard Time");
        recurring.ShouldNotContain(job => job.Id == "payment-recovery");
    }

    private string? StateOf(string jobId)
    {
        using var connection = nodes.Storage.GetConnection();
        return connection.GetStateData(jobId)?.Name;
    }

    private async Task WaitForStateAsync(string jobId, string state) =>
        await WaitUntilAsync(() => Task.FromResult(StateOf(jobId) == state));

    private static async Task WaitUntilAsync(Func<Task<bool>> condition)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (!await condition())
        {
            DateTime.UtcNow.ShouldBeLessThan(deadline, "Hangfire did not get there in 30 s");
            await Task.Delay(50, TestContext.Current.CancellationToken);
        }
    }
}
