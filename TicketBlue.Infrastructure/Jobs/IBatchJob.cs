namespace TicketBlue.Infrastructure.Jobs;

/// <summary>
/// A batch job (배치 작업) that the scheduler runs in short chunks. The runner takes the job's
/// cluster-wide lock, records the run (start, end, rows, outcome, error) and stores the checkpoint
/// each chunk returns, so a run stopped at any point — a crashed node, a run started twice by the
/// scheduler — resumes where it stopped and ends in the same state as an uninterrupted run.
/// </summary>
/// <remarks>
/// A chunk must be idempotent: it may run again after a crash between its own commit and the
/// runner's checkpoint. So a chunk changes rows with conditional, set-based statements, each chunk in
/// its own short transaction, and queues messages with deduplication keys that name the event (for
/// example <c>show-day-reminder:{reservationId}</c>), never one statement per row.
/// </remarks>
public interface IBatchJob
{
    /// <summary>
    /// The job's stable key in kebab case (e.g. <c>dormant-accounts</c>): the recurring job's id, the
    /// lock's name, the run history's job column and the schedule's configuration key.
    /// </summary>
    string Key { get; }

    /// <summary>Does the next chunk after <see cref="JobRunContext.Checkpoint"/> and says where the next one starts.</summary>
    Task<JobChunk> RunChunkAsync(JobRunContext run, CancellationToken cancellationToken);
}

/// <param name="RunId">The run's row in the run history.</param>
/// <param name="StartedAt">
/// When the run first started; a resumed run keeps it, so "tomorrow's rounds" or "a year without
/// signing in" mean the same thing in every chunk of one run.
/// </param>
/// <param name="Checkpoint">What the previous chunk returned (e.g. the last primary key done); null at the start.</param>
public sealed record JobRunContext(long RunId, DateTimeOffset StartedAt, string? Checkpoint);

/// <param name="Checkpoint">Where the next chunk starts.</param>
/// <param name="Rows">Rows this chunk processed (changed, sent or examined: the job's documentation says which).</param>
/// <param name="Done">True when nothing is left for this run.</param>
public sealed record JobChunk(string? Checkpoint, int Rows, bool Done)
{
    public static JobChunk Next(string checkpoint, int rows) => new(checkpoint, rows, false);

    public static JobChunk Finished(int rows) => new(null, rows, true);
}
