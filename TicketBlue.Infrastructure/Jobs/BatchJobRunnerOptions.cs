using System.ComponentModel.DataAnnotations;

namespace TicketBlue.Infrastructure.Jobs;

/// <summary><c>Jobs:Runner</c>: the cluster-wide lock and resumption rules every batch job runs under.</summary>
public sealed class BatchJobRunnerOptions : IValidatableObject
{
    public const string Section = "Jobs:Runner";

    /// <summary>
    /// The job lock's time to live, renewed after every chunk: a chunk must finish well within it, and a node
    /// that died holds the lock at most this long.
    /// </summary>
    public TimeSpan LockTtl { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>A stopped run started longer ago than this is abandoned instead of resumed; the next run starts afresh.</summary>
    public TimeSpan ResumeWithin { get; set; } = TimeSpan.FromHours(6);

    /// <summary>
    /// Whether a run that succeeded with no rows sends operations its Slack summary too (default false: the
    /// every-minute jobs would fill the channel with "0건"). Failed and abandoned runs are always reported.
    /// </summary>
    public bool ReportEmptyRuns { get; set; }

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (LockTtl < TimeSpan.FromSeconds(5) || LockTtl > TimeSpan.FromHours(1))
        {
            yield return new ValidationResult("Jobs:Runner:LockTtl must be between 5 s and 1 h.", [nameof(LockTtl)]);
        }

        if (ResumeWithin < LockTtl)
        {
            yield return new ValidationResult("Jobs:Runner:ResumeWithin must be at least LockTtl: a run is resumable once its lock has run out.", [nameof(ResumeWithin)]);
        }
    }
}
