using System.Globalization;
using System.Net;
using System.Text;
using Microsoft.AspNetCore.Components;
using Microsoft.JSInterop;
using TicketBlue.Infrastructure.Booking;
using TicketBlue.Web.Features.Booking;

namespace TicketBlue.Web.Components.Booking;

/// <summary>
/// The live seat map: the hall as an SVG with one <see cref="SeatGlyph"/> per seat. It re-renders
/// only when <see cref="Version"/> moves, and then Blazor diffs only the seats whose state changed.
/// Zoom and pan change the SVG's viewBox in the browser (SeatMapCanvas.razor.js), which also turns a
/// click, a tap, Enter or Space on a seat into one call back here and moves focus between seats with
/// the arrow keys (a roving tabindex: the map is one tab stop).
/// </summary>
public sealed partial class SeatMapCanvas : IAsyncDisposable
{
    private ElementReference _host;
    private RoundSeatLayout? _drawn;
    private long _renderedVersion = -1;
    private string[] _labels = [];
    private Dictionary<string, string> _colours = new(StringComparer.Ordinal);
    private MarkupString _backdrop;
    private double _radius;
    private SeatLabels? _seatLabels;
    private IJSObjectReference? _module;
    private IJSObjectReference? _handle;
    private DotNetObjectReference<SeatMapCanvas>? _self;

    [Inject]
    private IJSRuntime JS { get; set; } = default!;

    [Parameter, EditorRequired]
    public SeatBoardState State { get; set; } = default!;

    /// <summary>The state's version when the parent rendered; the map redraws only when it moves.</summary>
    [Parameter, EditorRequired]
    public long Version { get; set; }

    /// <summary>A seat was clicked, tapped or pressed Enter/Space on.</summary>
    [Parameter]
    public EventCallback<long> OnSeatActivated { get; set; }

    private RoundSeatLayout Layout => State.Layout;

    /// <summary>Called by SeatMapCanvas.razor.js with the seat's data-seat-id.</summary>
    [JSInvokable]
    public Task ActivateSeatAsync(long roundSeatId) =>
        State.TryGetSeat(roundSeatId, out _) ? OnSeatActivated.InvokeAsync(roundSeatId) : Task.CompletedTask;

    protected override void OnParametersSet()
    {
        if (!ReferenceEquals(Layout, _drawn))
        {
            _drawn = Layout;
            Prepare(Layout);
            _renderedVersion = -1;
        }
    }

    protected override bool ShouldRender() => _renderedVersion != Version;

    /// <summary>Remembers what was drawn; a later version (even one arriving before this) draws again.</summary>
    protected override void OnAfterRender(bool firstRender) => _renderedVersion = Version;

    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        if (!firstRender)
        {
            return;
        }

        _self = DotNetObjectReference.Create(this);
        try
        {
            _module = await JS.InvokeAsync<IJSObjectReference>("import", "./Components/Booking/SeatMapCanvas.razor.js");
            _handle = await _module.InvokeAsync<IJSObjectReference>("attach", _host, _self);
        }
        catch (JSDisconnectedException)
        {
            // The visitor left while the map was starting.
        }
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (_handle is not null)
            {
                await _handle.InvokeVoidAsync("dispose");
                await _handle.DisposeAsync();
            }

            if (_module is not null)
            {
                await _module.DisposeAsync();
            }
        }
        catch (JSDisconnectedException)
        {
            // The circuit is gone, and the browser's listeners with it.
        }

        _self?.Dispose();
    }

    private string StateText(SeatView view, bool selected) => _seatLabels!.State(view, selected);

    /// <summary>Everything about the drawing that only the layout decides, worked out once per layout.</summary>
    private void Prepare(RoundSeatLayout layout)
    {
        var labels = new SeatLabels(L);
        _labels = layout.Seats.Select(labels.For).ToArray();
        _colours = GradeColours.For(layout).ToDictionary(pair => pair.Key, pair => pair.Value, StringComparer.Ordinal);
        _radius = SeatRadius(layout);
        _seatLabels = labels;

        _backdrop = new MarkupString(Backdrop(layout, labels, _radius, L["Map.Stage"]));
    }

    /// <summary>The stage and the section names, HTML-encoded (section names are typed by admins).</summary>
    private static string Backdrop(RoundSeatLayout layout, SeatLabels labels, double radius, string stageLabel)
    {
        var markup = new StringBuilder();
        var stage = layout.Stage;
        if (stage.Width > 0 && stage.Height > 0)
        {
            var stageFont = Math.Clamp(stage.Height * 0.5, 10, Math.Max(18, layout.Width / 45.0));
            markup.Append(CultureInfo.InvariantCulture, $"<rect class=\"stage\" x=\"{stage.X}\" y=\"{stage.Y}\" width=\"{stage.Width}\" height=\"{stage.Height}\" rx=\"8\"/>")
                .Append(CultureInfo.InvariantCulture, $"<text class=\"stage-label\" aria-hidden=\"true\" x=\"{SeatShapes.Number(stage.CentreX)}\" y=\"{SeatShapes.Number(stage.CentreY)}\" font-size=\"{SeatShapes.Number(stageFont)}\" text-anchor=\"middle\" dominant-baseline=\"central\">{WebUtility.HtmlEncode(stageLabel)}</text>");
        }

        // A big hall is drawn small: labels grow with the canvas so they stay readable once scaled down.
        var fontSize = Math.Max(radius * 1.8, layout.Width / 70.0);
        var bounds = layout.Seats
            .GroupBy(seat => seat.SectionId)
            .ToDictionary(group => group.Key, group => (Left: group.Min(seat => seat.X), Right: group.Max(seat => seat.X), Top: group.Min(seat => seat.Y)));
        markup.Append(CultureInfo.InvariantCulture, $"<g class=\"sections\" aria-hidden=\"true\" font-size=\"{SeatShapes.Number(fontSize)}\" text-anchor=\"middle\">");
        foreach (var section in layout.Sections.Where(section => bounds.ContainsKey(section.Id)))
        {
            var box = bounds[section.Id];
            markup.Append(CultureInfo.InvariantCulture, $"<text x=\"{SeatShapes.Number((box.Left + box.Right) / 2.0)}\" y=\"{SeatShapes.Number(box.Top - radius - (fontSize * 0.5))}\">")
                .Append(WebUtility.HtmlEncode(labels.Section(section.Floor, section.Name)))
                .Append("</text>");
        }

        return markup.Append("</g>").ToString();
    }

    /// <summary>
    /// 40% of the tightest spacing between neighbours in a row: seats read as separate dots but are as
    /// large as possible, for fingers as much as for eyes.
    /// </summary>
    private static double SeatRadius(RoundSeatLayout layout)
    {
        var pitch = layout.Seats
            .GroupBy(seat => (seat.SectionId, seat.Y))
            .SelectMany(row =>
            {
                var xs = row.Select(seat => seat.X).Order().ToArray();
                return xs.Zip(xs.Skip(1), (left, right) => right - left).Where(gap => gap > 0);
            })
            .DefaultIfEmpty(Math.Max(10, Math.Min(layout.Width, layout.Height) / 40))
            .Min();
        return Math.Round(Math.Clamp(pitch * 0.4, 2, 30), 1);
    }
}
