using System.ComponentModel.DataAnnotations;

namespace TicketBlue.Web.Jobs;

/// <summary>
/// <c>Jobs</c>: Hangfire on this node — whether it runs a server, its storage in Redis, and the recurring
/// schedules (cron on Asia/Seoul time) of the batch jobs by key.
/// </summary>
public sealed class JobSchedulerOptions : IValidatableObject
{
    public const string Section = "Jobs";

    /// <summary>The default schedules (Asia/Seoul cron); <c>Jobs:Schedules:{key}</c> overrides one, an empty value unschedules it.</summary>
    public static readonly IReadOnlyDictionary<string, string> DefaultSchedules = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["dormant-accounts"] = "0 3 * * *",
        ["dormancy-notices"] = "0 9 * * *",
        ["personal-data-destruction"] = "30 3 * * *",
        ["old-performances"] = "0 4 * * *",
        ["unpaid-orders"] = "*/5 * * * *",
        ["show-day-reminders"] = "0 10 * * *",
        ["review-invitations"] = "0 21 * * *",
        ["payment-recovery"] = "* * * * *",
        ["idempotency-cleanup"] = "15 4 * * *",
        ["notification-cleanup"] = "45 4 * * *",
    };

    public JobServerSettings Server { get; set; } = new();

    public JobStorageSettings Storage { get; set; } = new();

    /// <summary>Cron expressions by job key, over <see cref="DefaultSchedules"/>.</summary>
    public Dictionary<string, string> Schedules { get; set; } = new(StringComparer.Ordinal);

    /// <summary>The job's cron expression; null when it is not scheduled (run by hand only).</summary>
    public string? ScheduleOf(string jobKey)
    {
        var cron = Schedules.TryGetValue(jobKey, out var configured) ? configured : DefaultSchedules.GetValueOrDefault(jobKey);
        return string.IsNullOrWhiteSpace(cron) ? null : cron.Trim();
    }

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (Server.WorkerCount is < 1 or > 20)
        {
            yield return new ValidationResult("Jobs:Server:WorkerCount must be between 1 and 20.", [nameof(Server)]);
        }

        if (string.IsNullOrWhiteSpace(Storage.Prefix))
        {
            yield return new ValidationResult("Jobs:Storage:Prefix must not be empty: Hangfire's keys must not mix with the app's.", [nameof(Storage)]);
        }

        if (Storage.InvisibilityTimeout < TimeSpan.FromMinutes(1))
        {
            yield return new ValidationResult("Jobs:Storage:InvisibilityTimeout must be at least 1 minute.", [nameof(Storage)]);
        }
    }
}

/// <summary><c>Jobs:Server</c>.</summary>
public sealed class JobServerSettings
{
    /// <summary>Whether this node runs a Hangfire server (and registers the schedules); any one node is enough.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Jobs this node runs at once: batch jobs are few and each takes a database connection.</summary>
    public int WorkerCount { get; set; } = 2;
}

/// <summary><c>Jobs:Storage</c>: Hangfire's Redis storage on the app's own Redis connection.</summary>
public sealed class JobStorageSettings
{
    /// <summary>Every Hangfire key starts with this; the braces keep them in one Redis Cluster slot.</summary>
    public string Prefix { get; set; } = "{ticketblue:hangfire}:";

    /// <summary>
    /// A job fetched this long ago whose node stopped answering is handed to another worker (the storage's
    /// default, 30 min, named explicitly): the runner's lock keeps a live run from being run twice meanwhile.
    /// </summary>
    public TimeSpan InvisibilityTimeout { get; set; } = TimeSpan.FromMinutes(30);
}
