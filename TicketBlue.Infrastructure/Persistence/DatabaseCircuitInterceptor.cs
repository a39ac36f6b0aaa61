using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace TicketBlue.Infrastructure.Persistence;

/// <summary>Puts every EF Core connection of the app (and the raw SQL on them) behind the <see cref="DatabaseCircuit"/>.</summary>
public sealed class DatabaseCircuitInterceptor(DatabaseCircuit circuit) : DbConnectionInterceptor
{
    public override InterceptionResult ConnectionOpening(DbConnection connection, ConnectionEventData eventData, InterceptionResult result)
    {
        Enter();
        return result;
    }

    public override ValueTask<InterceptionResult> ConnectionOpeningAsync(DbConnection connection, ConnectionEventData eventData, InterceptionResult result, CancellationToken cancellationToken = default)
    {
        Enter();
        return ValueTask.FromResult(result);
    }

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData) => circuit.Succeeded();

    public override Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        circuit.Succeeded();
        return Task.CompletedTask;
    }

    public override void ConnectionFailed(DbConnection connection, ConnectionErrorEventData eventData) => Failed(eventData);

    public override Task ConnectionFailedAsync(DbConnection connection, ConnectionErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        Failed(eventData);
        return Task.CompletedTask;
    }

    private void Enter()
    {
        if (!circuit.TryEnter())
        {
            throw new DatabaseUnavailableException();
        }
    }

    private void Failed(ConnectionErrorEventData eventData)
    {
        // The circuit's own refusal, a cancelled open (the request went away) or a wait for a pooled connection say
        // nothing new about the database: only a connection that could not be opened (re)starts the break.
        if (eventData.Exception is not (DatabaseUnavailableException or OperationCanceledException)
            && !DatabaseUnavailableException.IsPoolWait(eventData.Exception))
        {
            circuit.Failed();
        }
    }
}
