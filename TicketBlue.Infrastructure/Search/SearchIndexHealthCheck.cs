using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace TicketBlue.Infrastructure.Search;

/// <summary>Ready once this node has an index to search (the first build can take a while on a big catalogue).</summary>
public sealed class SearchIndexHealthCheck(SearchIndex index) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var status = index.Status;
        return Task.FromResult(status.IsReady
            ? HealthCheckResult.Healthy($"{status.Performances} performances, {status.Performers} performers, {status.Venues} venues")
            : new HealthCheckResult(context.Registration.FailureStatus, "The search index is being built."));
    }
}
