using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace TicketBlue.Infrastructure.Persistence.Replication;

/// <summary>
/// The replica in <c>/health/ready</c>: healthy while reads use it (or none is configured), degraded — not
/// failed — while reads fall back to the primary, since the app serves everything without it.
/// </summary>
public sealed class ReplicaHealthCheck(ReplicaStatus status) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var data = new Dictionary<string, object>
        {
            ["state"] = status.State.ToString(),
        };
        if (status.Lag is { } lag)
        {
            data["lagSeconds"] = lag.TotalSeconds;
        }

        var result = status.State switch
        {
            ReplicaState.NotConfigured => HealthCheckResult.Healthy("no replica configured; reads use the primary", data),
            ReplicaState.Usable => HealthCheckResult.Healthy("reads use the replica", data),
            _ => HealthCheckResult.Degraded($"reads use the primary: replica {status.State} ({status.Reason ?? "not checked yet"})", data: data),
        };
        return Task.FromResult(result);
    }
}
