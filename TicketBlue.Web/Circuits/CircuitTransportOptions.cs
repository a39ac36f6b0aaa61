using Microsoft.AspNetCore.Components.Server;

namespace TicketBlue.Web.Circuits;

/// <summary>
/// How the Blazor circuits' WebSockets are set up (section "Circuits").
/// Per-message deflate is off by default: with it, every open WebSocket keeps a zlib compressor and
/// decompressor in native memory for its whole life (220–510 KB measured per seat-map viewer, half of
/// what a viewer cost in all), while what a circuit carries after the first render is a few bytes per
/// change (ADR-008, docs/benchmarks.md "Seat-map memory"). A deployment whose visitors pay for every byte
/// more than the nodes pay for memory can turn it back on.
/// </summary>
public sealed class CircuitTransportOptions
{
    public const string Section = "Circuits";

    /// <summary>Per-message deflate on circuit WebSockets (default false).</summary>
    public bool WebSocketCompression { get; set; }

    /// <summary>
    /// Applies the choice to the interactive server endpoints. Either way the pages keep Blazor's
    /// <c>frame-ancestors 'self'</c> policy (no other site may frame the booking pages), which the
    /// framework sends only when it configures the WebSocket itself, so the accept context is always
    /// configured here.
    /// </summary>
    public void ApplyTo(ServerComponentsEndpointOptions endpoint)
    {
        var compression = WebSocketCompression;
        endpoint.ConfigureWebSocketAcceptContext = (_, accept) =>
        {
            accept.DangerousEnableCompression = compression;
            return Task.CompletedTask;
        };
    }
}
