using Microsoft.AspNetCore.Components;
using Microsoft.JSInterop;
using TicketBlue.Web.Features.Booking;

namespace TicketBlue.Web.Features.Booking;

/// <summary>
/// The live seat map. The browser fetches the round's drawing once (a cacheable address shared by
/// every viewer, <see cref="SeatMapDrawing"/>) and draws the hall itself; this component sends it
/// this viewer's seat states — the whole hall as one byte per seat when the map starts, then only
/// the seats that changed (<see cref="SeatMapCodes"/>) — so the circuit keeps no render tree of seats.
/// The script turns a click, a tap, Enter or Space on a seat into one call back here, zooms and pans,
/// and moves focus between seats with the arrow keys (a roving tabindex: the map is one tab stop).
/// </summary>
public sealed partial class SeatMapCanvas : IAsyncDisposable
{
    private ElementReference _host;
    private long _renderedVersion = -1;
    private bool _failed;
    private bool _failureShown;
    private byte[]? _sent;
    private IJSObjectReference? _module;
    private IJSObjectReference? _handle;
    private DotNetObjectReference<SeatMapCanvas>? _self;
    private bool _disposed;

    [Inject]
    private IJSRuntime JS { get; set; } = default!;

    [Parameter, EditorRequired]
    public SeatBoardState State { get; set; } = default!;

    /// <summary>The state's version when the parent rendered; the browser is told what changed when it moves.</summary>
    [Parameter, EditorRequired]
    public long Version { get; set; }

    /// <summary>A seat was clicked, tapped or pressed Enter/Space on.</summary>
    [Parameter]
    public EventCallback<long> OnSeatActivated { get; set; }

    private RoundSeatLayout Layout => State.Layout;

    private string DrawingUrl => SeatMapDrawing.Url(State.Model.RoundId, State.Model.Culture, State.Model.Drawing.Version);

    /// <summary>Called by SeatMapCanvas.razor.js with the seat's id.</summary>
    [JSInvokable]
    public Task ActivateSeatAsync(long roundSeatId) =>
        State.TryGetSeat(roundSeatId, out _) ? OnSeatActivated.InvokeAsync(roundSeatId) : Task.CompletedTask;

    /// <summary>Called by SeatMapCanvas.razor.js when the drawing could not be fetched (after retries): say so; the list still works.</summary>
    [JSInvokable]
    public Task DrawingFailedAsync()
    {
        _failed = true;
        StateHasChanged();
        return Task.CompletedTask;
    }

    /// <summary>The frame never changes; a render only marks that the states may have.</summary>
    protected override bool ShouldRender() => _renderedVersion != Version || _failed != _failureShown;

    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        _renderedVersion = Version;
        _failureShown = _failed;
        try
        {
            if (firstRender)
            {
                await StartAsync();
            }
            else
            {
                await SendChangesAsync();
            }
        }
        catch (JSDisconnectedException)
        {
            // The visitor left while the map was starting or changing.
        }
        catch (Exception exception) when (_disposed && exception is JSException or ObjectDisposedException)
        {
            // The map left the page (the list tab was chosen) while it was starting: its element and its
            // callback reference are gone, so the browser's attach refused them. Nothing is left to draw on.
        }
    }

    public async ValueTask DisposeAsync()
    {
        _disposed = true;
        await ReleaseAsync();
    }

    private async Task StartAsync()
    {
        _self = DotNetObjectReference.Create(this);
        _module = await JS.InvokeAsync<IJSObjectReference>("import", "./Features/Booking/SeatMapCanvas.razor.js");
        if (_disposed)
        {
            // Taken off the page while the script loaded (DisposeAsync found nothing to release yet).
            await ReleaseAsync();
            return;
        }

        var codes = new byte[State.Model.Count];
        State.WriteCodes(codes);
        _sent = codes;
        _handle = await _module.InvokeAsync<IJSObjectReference>("attach", _host, _self, DrawingUrl, codes);
        if (_disposed)
        {
            // Taken off the page while the browser attached: the map it made must not outlive the component.
            await ReleaseAsync();
            return;
        }

        // Seats that changed while the drawing was on its way.
        await SendChangesAsync();
    }

    /// <summary>
    /// Gives the browser's map, the script module and the callback reference back. Called on disposal and again by a
    /// start that finishes after it, so each is released once, whichever of the two holds it.
    /// </summary>
    private async Task ReleaseAsync()
    {
        var (handle, module, self) = (_handle, _module, _self);
        (_handle, _module, _self) = (null, null, null);
        try
        {
            if (handle is not null)
            {
                await handle.InvokeVoidAsync("dispose");
                await handle.DisposeAsync();
            }

            if (module is not null)
            {
                await module.DisposeAsync();
            }
        }
        catch (JSDisconnectedException)
        {
            // The circuit is gone, and the browser's listeners with it.
        }

        self?.Dispose();
    }

    private async Task SendChangesAsync()
    {
        if (_disposed || _handle is null || _sent is null)
        {
            return;
        }

        var now = new byte[_sent.Length];
        State.WriteCodes(now);
        var changes = SeatMapCodes.Changes(_sent, now);
        _sent = now;
        if (changes.Length > 0)
        {
            await _handle.InvokeVoidAsync("update", changes);
        }
    }
}
