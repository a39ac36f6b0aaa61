using Hangfire;
using Microsoft.Extensions.Options;
using TicketBlue.Domain.Common;
using TicketBlue.Infrastructure.Jobs;

namespace TicketBlue.Web.Jobs;

/// <summary>
/// On a node that runs a Hangfire server: makes the recurring jobs match configuration at start-up — one per
/// registered <see cref="IBatchJob"/> with a schedule, on Asia/Seoul time, and none for a job whose schedule
/// was emptied. Every server node does the same, so the last one started wins with the same answer.
/// </summary>
public sealed partial class RecurringJobRegistration(
    IServiceScopeFactory scopes,
    IRecurringJobManager recurringJobs,
    IOptions<JobSchedulerOptions> options,
    ILogger<RecurringJobRegistration> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        try
        {
            await RegisterAsync();
        }
        catch (Exception exception) when (exception is not OutOfMemoryException)
        {
            // Redis away at start-up must not keep the app down: the schedules stay as the last node left them.
            LogRegistrationFailed(logger, exception);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private async Task RegisterAsync()
    {
        await using var scope = scopes.CreateAsyncScope();
        foreach (var key in scope.ServiceProvider.GetServices<IBatchJob>().Select(job => job.Key).Distinct(StringComparer.Ordinal))
        {
            if (options.Value.ScheduleOf(key) is { } cron)
            {
                recurringJobs.AddOrUpdate<BatchJobEntry>(
                    key,
                    entry => entry.RunAsync(key, null),
                    cron,
                    new RecurringJobOptions { TimeZone = SeoulTime.Zone });
            }
            else
            {
                recurringJobs.RemoveIfExists(key);
                LogUnscheduled(logger, key);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The recurring jobs could not be registered; they stay as registered before")]
    private static partial void LogRegistrationFailed(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Information, Message = "Job {JobKey} has no schedule (Jobs:Schedules); it runs only when started by hand")]
    private static partial void LogUnscheduled(ILogger logger, string jobKey);
}
