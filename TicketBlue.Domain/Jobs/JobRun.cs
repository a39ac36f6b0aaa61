using TicketBlue.Domain.Common;

namespace TicketBlue.Domain.Jobs;

/// <summary>How a batch job's run stands or ended.</summary>
public enum JobRunOutcome
{
    /// <summary>Working, or stopped without ending (its node died): the next start of the job resumes it.</summary>
    Running,

    Succeeded,

    /// <summary>A chunk threw; the error is kept. The next start begins a new run (jobs are idempotent).</summary>
    Failed,

    /// <summary>Stopped too long ago to resume (its reference time would be stale); the next run started afresh.</summary>
    Abandoned,
}

/// <summary>
/// One run of a batch job (배치 작업 실행) in the run history: when it started and ended, the rows its chunks
/// processed, its outcome and error, and the checkpoint the next chunk starts from. A run that stopped without
/// ending — its node killed, or the scheduler starting the job again — is resumed from <see cref="Checkpoint"/>
/// by the next start of the same job, unless it is older than the resume window.
/// </summary>
public sealed class JobRun : Entity<long>
{
    public const int JobKeyMaxLength = 100;

    public const int CheckpointMaxLength = 500;

    public const int ErrorMaxLength = 1000;

    public const int TriggeredByMaxLength = 256;

    private JobRun()
    {
        JobKey = string.Empty;
    }

    /// <summary>The job's kebab-case key, e.g. <c>dormant-accounts</c>.</summary>
    public string JobKey { get; private set; }

    /// <summary>
    /// When the run started: also the run's reference time ("a year without signing in", "tomorrow's rounds"),
    /// kept by a resumed run so every chunk of one run means the same thing.
    /// </summary>
    public DateTimeOffset StartedAt { get; private set; }

    public DateTimeOffset? EndedAt { get; private set; }

    /// <summary>The last time a chunk was recorded (or the start): how fresh the progress shown is.</summary>
    public DateTimeOffset LastProgressAt { get; private set; }

    public JobRunOutcome Outcome { get; private set; }

    /// <summary>Rows processed by the chunks recorded so far (the job's documentation says which rows count).</summary>
    public long Rows { get; private set; }

    public int Chunks { get; private set; }

    /// <summary>Times the run was taken up again after it stopped without ending.</summary>
    public int Resumptions { get; private set; }

    /// <summary>Where the next chunk starts; null before the first chunk.</summary>
    public string? Checkpoint { get; private set; }

    /// <summary>A short text of what went wrong (the exception's type and message), never a stack trace.</summary>
    public string? Error { get; private set; }

    /// <summary>Who asked for the run: the admin's e-mail for "지금 실행", null for the schedule.</summary>
    public string? TriggeredBy { get; private set; }

    /// <summary>Optimistic concurrency: two nodes never record over each other's chunk.</summary>
    public int Version { get; private set; }

    public bool IsRunning => Outcome == JobRunOutcome.Running;

    /// <summary>Start to end, or to the last progress while the run is unfinished.</summary>
    public TimeSpan Duration => (EndedAt ?? LastProgressAt) - StartedAt;

    public static JobRun Start(string jobKey, string? triggeredBy, DateTimeOffset now) =>
        new()
        {
            JobKey = Guard.NotBlank(jobKey, "job.key", "작업 키가 없습니다.", JobKeyMaxLength),
            TriggeredBy = Guard.Optional(triggeredBy, "job.triggered_by", "실행한 사람 표시가 너무 깁니다.", TriggeredByMaxLength),
            StartedAt = now,
            LastProgressAt = now,
            Outcome = JobRunOutcome.Running,
        };

    /// <summary>
    /// True when a stopped run may be taken up again at <paramref name="now"/>: unfinished and started within
    /// <paramref name="resumeWithin"/>. An older one is abandoned: its reference time is stale.
    /// </summary>
    public bool CanResume(DateTimeOffset now, TimeSpan resumeWithin) =>
        IsRunning && now - StartedAt <= resumeWithin;

    /// <summary>Takes a stopped run up again (another node, or the same after a restart).</summary>
    public void Resume(DateTimeOffset now)
    {
        EnsureRunning();
        Resumptions++;
        LastProgressAt = Later(now);
    }

    /// <summary>Records one chunk: its rows and where the next one starts.</summary>
    public void RecordChunk(string? checkpoint, int rows, DateTimeOffset now)
    {
        EnsureRunning();
        if (rows < 0)
        {
            throw new DomainException("job.rows", "처리한 행 수는 0 이상이어야 합니다.");
        }

        Rows += rows;
        Chunks++;
        Checkpoint = Guard.Optional(checkpoint, "job.checkpoint", "체크포인트가 너무 깁니다.", CheckpointMaxLength);
        LastProgressAt = Later(now);
    }

    public void Succeed(DateTimeOffset now)
    {
        EnsureRunning();
        Outcome = JobRunOutcome.Succeeded;
        Checkpoint = null;
        End(now);
    }

    /// <summary>Ends the run as failed with a short error; the checkpoint stays to show where it stopped.</summary>
    public void Fail(string error, DateTimeOffset now)
    {
        EnsureRunning();
        Outcome = JobRunOutcome.Failed;
        var text = string.IsNullOrWhiteSpace(error) ? "알 수 없는 오류" : error.Trim();
        Error = text.Length > ErrorMaxLength ? text[..ErrorMaxLength] : text;
        End(now);
    }

    /// <summary>Gives up on a stopped run that is too old to resume; a new run starts afresh instead.</summary>
    public void Abandon(DateTimeOffset now)
    {
        EnsureRunning();
        Outcome = JobRunOutcome.Abandoned;
        End(now);
    }

    private void End(DateTimeOffset now)
    {
        EndedAt = Later(now);
        LastProgressAt = EndedAt.Value;
    }

    /// <summary>Clocks of two nodes differ a little: a run never ends before it started.</summary>
    private DateTimeOffset Later(DateTimeOffset now) => now < StartedAt ? StartedAt : now;

    private void EnsureRunning()
    {
        if (!IsRunning)
        {
            throw new DomainException("job.run_ended", "이미 끝난 작업 실행입니다.");
        }
    }
}
