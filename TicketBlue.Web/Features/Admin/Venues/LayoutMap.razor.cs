using System.Globalization;
using Microsoft.AspNetCore.Components;
using Microsoft.JSInterop;
using TicketBlue.Web.Features.Catalog;

namespace TicketBlue.Web.Features.Admin.Venues;

/// <summary>
/// Draws a seat layout as one SVG (the hall as every seat map draws it, <see cref="HallDrawing"/>, with
/// seats that can be picked) and a legend (seats per grade, wheelchair spaces, blocked seats).
/// The markup is rebuilt only when <see cref="Model"/> changes, so re-renders for a new selection cost
/// a string comparison, not a diff of thousands of elements.
/// </summary>
public sealed partial class LayoutMap : IAsyncDisposable
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    private ElementReference _canvas;
    private LayoutMapModel? _drawn;
    private HallDrawing _drawing = LayoutMapModel.Empty.Draw();
    private MarkupString _markup;
    private Dictionary<long, HallSeat> _seatsById = [];
    private MarkupString _selection;
    private int _selectedCount;
    private IJSObjectReference? _module;
    private IJSObjectReference? _listener;
    private DotNetObjectReference<LayoutMap>? _self;

    [Inject]
    private IJSRuntime JS { get; set; } = default!;

    /// <summary>The layout to draw.</summary>
    [Parameter, EditorRequired]
    public LayoutMapModel Model { get; set; } = LayoutMapModel.Empty;

    /// <summary>Saved seats to ring, e.g. those picked for blocking.</summary>
    [Parameter]
    public IReadOnlyCollection<long>? SelectedSeatIds { get; set; }

    /// <summary>When set, clicking a saved seat reports its id (one listener on the map, see LayoutMap.razor.js).</summary>
    [Parameter]
    public EventCallback<long> OnSeatClick { get; set; }

    /// <summary>A line under the legend, e.g. what a dashed outline means.</summary>
    [Parameter]
    public string? Caption { get; set; }

    /// <summary>Called by LayoutMap.razor.js with the clicked element's data-seat-id.</summary>
    [JSInvokable]
    public Task SeatClickedAsync(long seatId) =>
        _seatsById.ContainsKey(seatId) ? OnSeatClick.InvokeAsync(seatId) : Task.CompletedTask;

    protected override void OnParametersSet()
    {
        if (!ReferenceEquals(Model, _drawn))
        {
            _drawn = Model;
            _drawing = Model.Draw();
            _markup = new MarkupString(_drawing.Markup(V["SeatMap.Stage"], SeatMarks.Pickable));
            _seatsById = Model.Seats.Where(seat => seat.Id > 0).ToDictionary(seat => seat.Id);
        }

        // A whole section can be selected at once: the rings are markup too, not elements to diff.
        var selected = SelectedSeatIds is { Count: > 0 } ids
            ? ids.Where(_seatsById.ContainsKey).Select(id => _seatsById[id]).ToList()
            : [];
        _selectedCount = selected.Count;
        _selection = new MarkupString(_drawing.Rings(selected));
    }

    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        if (!firstRender || !OnSeatClick.HasDelegate)
        {
            return;
        }

        _self = DotNetObjectReference.Create(this);
        _module = await JS.InvokeAsync<IJSObjectReference>("import", "./Features/Admin/Venues/LayoutMap.razor.js");
        if (_module is not null)
        {
            _listener = await _module.InvokeAsync<IJSObjectReference>("listen", _canvas, _self);
        }
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (_listener is not null)
            {
                await _listener.InvokeVoidAsync("dispose");
                await _listener.DisposeAsync();
            }

            if (_module is not null)
            {
                await _module.DisposeAsync();
            }
        }
        catch (JSDisconnectedException)
        {
            // The circuit is gone, and the browser's listener with it.
        }

        _self?.Dispose();
    }
}
