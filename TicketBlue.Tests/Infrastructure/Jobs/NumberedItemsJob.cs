using System.Globalization;
using StackExchange.Redis;
using TicketBlue.Infrastructure.Jobs;

namespace TicketBlue.Tests.Infrastructure.Jobs;

/// <summary>
/// A test-only batch job: puts items 1..Count into a Redis set, ChunkSize per chunk, and appends each item to a
/// log as it goes, so a test sees both the end state (the set) and whether anything was processed twice (the log).
/// The checkpoint is the last item done. <see cref="NumberedItems.BeforeChunk"/> lets a test hold, fail or
/// "kill" a chunk before it does anything.
/// </summary>
internal sealed class NumberedItemsJob(NumberedItems items) : IBatchJob
{
    public const string JobKey = "test-numbered-items";

    public string Key => JobKey;

    public async Task<JobChunk> RunChunkAsync(JobRunContext run, CancellationToken cancellationToken)
    {
        var from = run.Checkpoint is null ? 1 : int.Parse(run.Checkpoint, CultureInfo.InvariantCulture) + 1;
        var to = Math.Min(from + items.ChunkSize - 1, items.Count);
        var chunk = (from - 1) / items.ChunkSize + 1;
        await items.BeforeChunk(chunk, cancellationToken);

        var redis = items.Redis.GetDatabase();
        var numbers = Enumerable.Range(from, Math.Max(0, to - from + 1)).Select(number => (RedisValue)number).ToArray();
        if (numbers.Length > 0)
        {
            await redis.SetAddAsync(items.DoneKey, numbers);
            await redis.ListRightPushAsync(items.LogKey, numbers);
        }

        var rows = numbers.Length;
        return to >= items.Count ? JobChunk.Finished(rows) : JobChunk.Next(to.ToString(CultureInfo.InvariantCulture), rows);
    }
}

/// <summary>The test job's data and hooks, one instance shared by every node of a test (they share Redis too).</summary>
internal sealed class NumberedItems(IConnectionMultiplexer redis)
{
    private string _id = Guid.NewGuid().ToString("N");

    public IConnectionMultiplexer Redis { get; } = redis;

    public int Count { get; private set; } = 10;

    public int ChunkSize { get; private set; } = 3;

    public RedisKey DoneKey => $"tb-test:numbered-items:{_id}:done";

    public RedisKey LogKey => $"tb-test:numbered-items:{_id}:log";

    /// <summary>Called with the chunk's number (1-based) before it does anything.</summary>
    public Func<int, CancellationToken, Task> BeforeChunk { get; set; } = (_, _) => Task.CompletedTask;

    /// <summary>Fresh keys and hooks for the next test.</summary>
    public void Reset(int count, int chunkSize)
    {
        _id = Guid.NewGuid().ToString("N");
        Count = count;
        ChunkSize = chunkSize;
        BeforeChunk = (_, _) => Task.CompletedTask;
    }

    public async Task<long[]> DoneAsync() =>
        (await Redis.GetDatabase().SetMembersAsync(DoneKey)).Select(value => (long)value).Order().ToArray();

    public async Task<long[]> LogAsync() =>
        (await Redis.GetDatabase().ListRangeAsync(LogKey)).Select(value => (long)value).ToArray();

    public async Task ForgetAsync()
    {
        await Redis.GetDatabase().KeyDeleteAsync([DoneKey, LogKey]);
    }
}

/// <summary>Lets a test hold a chunk until it says so, and know when the chunk is being held.</summary>
internal sealed class ChunkGate
{
    private readonly TaskCompletionSource _entered = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _released = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public Task Entered => _entered.Task;

    public async Task HoldAsync(CancellationToken cancellationToken)
    {
        _entered.TrySetResult();
        await _released.Task.WaitAsync(cancellationToken);
    }

    public void Release() => _released.TrySetResult();
}
