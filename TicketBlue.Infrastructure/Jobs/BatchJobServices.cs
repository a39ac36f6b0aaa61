using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using TicketBlue.Infrastructure.Jobs;
using TicketBlue.Infrastructure.Notifications;
using TicketBlue.Infrastructure.Persistence;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>
/// Registers the batch-job runner and the run history. Jobs themselves are registered by their own areas
/// (<c>services.AddScoped&lt;IBatchJob, TheJob&gt;()</c>); the runner and the scheduler find them all through
/// <c>IEnumerable&lt;IBatchJob&gt;</c>.
/// </summary>
public static class BatchJobServices
{
    public static IHostApplicationBuilder AddBatchJobs(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.AddBusinessMetrics();
        builder.Services.AddOptions<BatchJobRunnerOptions>()
            .Bind(builder.Configuration.GetSection(BatchJobRunnerOptions.Section))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        builder.Services.AddOptions<CleanupOptions>()
            .Bind(builder.Configuration.GetSection(CleanupOptions.Section))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        builder.Services.AddScoped<IBatchJob, IdempotencyCleanupJob>();
        builder.Services.AddScoped<IBatchJob, NotificationCleanupJob>();
        builder.Services.AddSingleton<JobLocks>();
        builder.Services.AddSingleton<JobRunHistory>();
        builder.Services.AddSingleton<BatchJobRunner>();
        return builder;
    }
}
