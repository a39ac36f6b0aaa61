using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;
using MySqlConnector;

namespace TicketBlue.Infrastructure.Persistence.Replication;

/// <summary>
/// The execution strategy of replica contexts: when a statement on the replica fails — refused, timed out
/// connecting, or its connection cut mid-read — the context is pointed at the primary and the statement
/// runs again there, once and at once; the replica is reported down until the next good check. Reads are
/// idempotent, so running one again is safe. A statement that fails on the primary too fails as usual.
/// </summary>
public sealed class ReplicaFailoverExecutionStrategy(
    ExecutionStrategyDependencies dependencies,
    ReplicaConnections connections,
    ReplicaStatus status)
    : ExecutionStrategy(dependencies, maxRetryCount: 1, maxRetryDelay: TimeSpan.Zero)
{
    private DatabaseFacade Database => Dependencies.CurrentContext.Context.Database;

    protected override bool ShouldRetryOn(Exception exception) =>
        !string.Equals(Database.GetConnectionString(), connections.Primary, StringComparison.Ordinal);

    protected override TimeSpan? GetNextDelay(Exception lastException) =>
        ExceptionsEncountered.Count <= MaxRetryCount ? TimeSpan.Zero : null;

    protected override void OnRetry()
    {
        var failure = ExceptionsEncountered[^1];
        status.ReportFailure(failure.Message);
        if (connections.Replica is { } replica)
        {
            // Sessions of a dead server must not be handed out to the next reads.
            MySqlConnection.ClearPool(new MySqlConnection(replica));
        }

        Database.CloseConnection();
        Database.SetConnectionString(connections.Primary);
    }
}
