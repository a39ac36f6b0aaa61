using Microsoft.AspNetCore.Components.Server.Circuits;
using TicketBlue.Infrastructure.Observability;

namespace TicketBlue.Web.Observability;

/// <summary>Counts this node's open Blazor circuits (<c>ticketblue.circuits.open</c>).</summary>
public sealed class CircuitCounter(TicketBlueMetrics metrics) : CircuitHandler
{
    public override Task OnCircuitOpenedAsync(Circuit circuit, CancellationToken cancellationToken)
    {
        metrics.CircuitOpened();
        return Task.CompletedTask;
    }

    public override Task OnCircuitClosedAsync(Circuit circuit, CancellationToken cancellationToken)
    {
        metrics.CircuitClosed();
        return Task.CompletedTask;
    }
}
