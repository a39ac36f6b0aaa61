using Hangfire;
using Hangfire.AspNetCore;

namespace TicketBlue.Web.Jobs;

/// <summary>
/// Sends Hangfire's own log (server start, storage errors, retries) to the app's logging. Hangfire keeps its log
/// provider in a process-wide static, so this runs only where one app owns the process — not in tests, where
/// several apps come and go and the last one's disposed logger factory would be left behind.
/// </summary>
public sealed class HangfireLogBridge(ILoggerFactory loggerFactory) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        GlobalConfiguration.Configuration.UseLogProvider(new AspNetCoreLogProvider(loggerFactory));
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
