using System.ComponentModel.DataAnnotations;
using TicketBlue.Infrastructure.Persistence;

namespace TicketBlue.Infrastructure.Jobs;

/// <summary><c>Jobs:Cleanup</c>: how long finished bookkeeping rows are kept before the cleanup jobs delete them.</summary>
public sealed class CleanupOptions : IValidatableObject
{
    public const string Section = "Jobs:Cleanup";

    /// <summary><c>Idempotency-Key</c> records older than this are deleted; never less than the replay window.</summary>
    public TimeSpan IdempotencyRecordsAfter { get; set; } = IdempotencyRecord.ReplayWindow;

    /// <summary>
    /// Delivered (sent) outbox rows older than this are deleted. Their deduplication keys go with them, so this
    /// must outlast any job's "once per …" window (the dormancy notice's 30 days): default 90 days.
    /// </summary>
    public TimeSpan DeliveredNotificationsAfter { get; set; } = TimeSpan.FromDays(90);

    /// <summary>Rows deleted per chunk (one short statement each).</summary>
    public int BatchSize { get; set; } = 1000;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (IdempotencyRecordsAfter < IdempotencyRecord.ReplayWindow)
        {
            yield return new ValidationResult("Jobs:Cleanup:IdempotencyRecordsAfter must be at least the 15-day replay window.", [nameof(IdempotencyRecordsAfter)]);
        }

        if (DeliveredNotificationsAfter < TimeSpan.FromDays(31))
        {
            yield return new ValidationResult("Jobs:Cleanup:DeliveredNotificationsAfter must be at least 31 days (deduplication windows of a month).", [nameof(DeliveredNotificationsAfter)]);
        }

        if (BatchSize is < 1 or > 50_000)
        {
            yield return new ValidationResult("Jobs:Cleanup:BatchSize must be between 1 and 50,000.", [nameof(BatchSize)]);
        }
    }
}
