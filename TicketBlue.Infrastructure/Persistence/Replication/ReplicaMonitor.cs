using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace TicketBlue.Infrastructure.Persistence.Replication;

/// <summary>
/// Checks the replica every <see cref="ReplicaOptions.CheckInterval"/> and keeps <see cref="ReplicaStatus"/>
/// current: reads leave a replica that is down or lagging within one interval, and come back to it on the
/// first good check. Logs each change of state once.
/// </summary>
public sealed partial class ReplicaMonitor(
    ReplicaProbe probe,
    ReplicaStatus status,
    IOptions<ReplicaOptions> options,
    TimeProvider clock,
    ILogger<ReplicaMonitor> logger) : BackgroundService
{
    /// <summary>One check, now (the loop's body; tests call it to avoid waiting for the timer).</summary>
    public async Task CheckAsync(CancellationToken cancellationToken)
    {
        var before = status.State;
        var observation = await probe.ObserveAsync(cancellationToken);
        status.Observe(observation, options.Value.MaxLag, clock.GetUtcNow());
        if (status.State != before)
        {
            if (status.IsUsable)
            {
                LogUsable(logger, before, status.Lag?.TotalSeconds ?? 0);
            }
            else
            {
                LogNotUsable(logger, status.State, status.Reason);
            }
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!status.IsConfigured)
        {
            return;
        }

        // The first check comes one interval after start: until then reads use the primary (state Unknown).
        using var timer = new PeriodicTimer(options.Value.CheckInterval, clock);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                await CheckAsync(stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // stopping
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Reads go to the MariaDB replica again (was {Previous}, lag {LagSeconds} s)")]
    private static partial void LogUsable(ILogger logger, ReplicaState previous, double lagSeconds);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Reads go to the primary: the MariaDB replica is {State} ({Reason})")]
    private static partial void LogNotUsable(ILogger logger, ReplicaState state, string? reason);
}
