using TicketBlue.Infrastructure.Jobs;

namespace TicketBlue.Tests.Infrastructure.Jobs;

/// <summary>Runs a job's chunks in a loop as the runner does (without its lock and history), for tests of one job.</summary>
internal static class JobLoop
{
    /// <summary>Chunks until done, or until <paramref name="maxChunks"/> (a "killed" run); returns rows, chunks and the last checkpoint.</summary>
    public static async Task<(long Rows, int Chunks, string? Checkpoint, bool Done)> RunAsync(
        IBatchJob job, DateTimeOffset startedAt, string? checkpoint = null, int maxChunks = int.MaxValue)
    {
        long rows = 0;
        var chunks = 0;
        while (chunks < maxChunks)
        {
            var chunk = await job.RunChunkAsync(new JobRunContext(1, startedAt, checkpoint), TestContext.Current.CancellationToken);
            rows += chunk.Rows;
            chunks++;
            checkpoint = chunk.Checkpoint;
            if (chunk.Done)
            {
                return (rows, chunks, checkpoint, true);
            }
        }

        return (rows, chunks, checkpoint, false);
    }
}
