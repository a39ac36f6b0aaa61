using Hangfire;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using StackExchange.Redis;
using TicketBlue.Domain.Jobs;
using TicketBlue.Infrastructure.Jobs;
using TicketBlue.Tests.Fixtures;

namespace TicketBlue.Tests.Infrastructure.Jobs;

/// <summary>
/// Two app nodes on one test database and the real Redis, each running a Hangfire server (two workers) on the
/// same storage, with the test-only <see cref="NumberedItemsJob"/> registered on both. The app's own jobs are
/// left unscheduled so only what a test starts runs.
/// </summary>
public sealed class JobNodes : IAsyncLifetime
{
    /// <summary>Once a year at 03:00 in Seoul: registered, never due during a test.</summary>
    public const string TestJobSchedule = "0 3 1 1 *";

    private ConnectionMultiplexer _redis = default!;

    public MariaDbDatabase Database { get; } = new();

    public TicketBlueAppFactory A { get; private set; } = default!;

    public TicketBlueAppFactory B { get; private set; } = default!;

    internal NumberedItems Items { get; private set; } = default!;

    public async ValueTask InitializeAsync()
    {
        await Database.InitializeAsync();
        _redis = await ConnectionMultiplexer.ConnectAsync(TestEnvironment.Redis);
        Items = new NumberedItems(_redis);
        var settings = new Dictionary<string, string?>
        {
            ["Jobs:Server:Enabled"] = "true",
            ["Jobs:Server:WorkerCount"] = "2",
            ["Jobs:Schedules:payment-recovery"] = string.Empty,
            ["Jobs:Schedules:idempotency-cleanup"] = string.Empty,
            ["Jobs:Schedules:notification-cleanup"] = string.Empty,
            [$"Jobs:Schedules:{NumberedItemsJob.JobKey}"] = TestJobSchedule,
        };
        A = Node(settings);
        _ = A.Services;
        B = Node(settings);
        _ = B.Services;
    }

    public static BatchJobRunner Runner(TicketBlueAppFactory node) => node.Services.GetRequiredService<BatchJobRunner>();

    public static IBackgroundJobClient Hangfire(TicketBlueAppFactory node) => node.Services.GetRequiredService<IBackgroundJobClient>();

    public JobStorage Storage => A.Services.GetRequiredService<JobStorage>();

    public IDatabase Redis => _redis.GetDatabase();

    public RedisKey LockKey => A.Services.GetRequiredService<JobLocks>().KeyOf(NumberedItemsJob.JobKey);

    /// <summary>A clean slate for the next test: new item keys, no runs of the test job, its lock free.</summary>
    internal async Task ResetAsync(int count, int chunkSize)
    {
        await Items.ForgetAsync();
        Items.Reset(count, chunkSize);
        await Redis.KeyDeleteAsync(LockKey);
        await using var context = Database.CreateContext();
        await context.JobRuns.Where(run => run.JobKey == NumberedItemsJob.JobKey).ExecuteDeleteAsync();
    }

    public async Task<List<JobRun>> RunsAsync()
    {
        await using var context = Database.CreateContext();
        return await context.JobRuns.AsNoTracking().Where(run => run.JobKey == NumberedItemsJob.JobKey).OrderBy(run => run.Id).ToListAsync();
    }

    public async Task<int> SummariesAsync(long runId)
    {
        await using var context = Database.CreateContext();
        return await context.Notifications.CountAsync(notification => notification.DeduplicationKey == $"job-run:{runId}:slack");
    }

    public async ValueTask DisposeAsync()
    {
        await Items.ForgetAsync();
        await B.DisposeAsync();
        await A.DisposeAsync();
        await _redis.DisposeAsync();
        await Database.DisposeAsync();
    }

    private TicketBlueAppFactory Node(IReadOnlyDictionary<string, string?> settings) =>
        new(Database, seedDemoData: false, settings: settings, services: services =>
        {
            services.AddSingleton(Items);
            services.AddScoped<IBatchJob, NumberedItemsJob>();
        });
}
