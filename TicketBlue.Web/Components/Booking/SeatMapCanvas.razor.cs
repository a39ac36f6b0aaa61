using System.Globalization;
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
    private List<(string X, string Y, string Text)> _sectionLabels = [];
    private double _radius;
    private string _sectionFontSize = "14";
    private string _stageFontSize = "18";
    private Dictionary<(SeatView, bool), string> _stateTexts = [];
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

    private string StateText(SeatView view, bool selected) => _stateTexts[(view, selected)];

    /// <summary>Everything about the drawing that only the layout decides, worked out once per layout.</summary>
    private void Prepare(RoundSeatLayout layout)
    {
        var labels = new SeatLabels(L);
        _labels = layout.Seats.Select(labels.For).ToArray();
        _colours = GradeColours.For(layout).ToDictionary(pair => pair.Key, pair => pair.Value, StringComparer.Ordinal);
        _radius = SeatRadius(layout);
        _stateTexts = new Dictionary<(SeatView, bool), string>
        {
            [(SeatView.Available, false)] = L["SeatState.Available"],
            [(SeatView.Available, true)] = L["SeatState.Selected"],
            [(SeatView.HeldByMe, false)] = L["SeatState.HeldByMe"],
            [(SeatView.HeldByOthers, false)] = L["SeatState.HeldByOthers"],
            [(SeatView.Sold, false)] = L["SeatState.Sold"],
            [(SeatView.Blocked, false)] = L["SeatState.Blocked"],
        };

        // A big hall is drawn small: labels grow with the canvas so they stay readable once scaled down.
        var fontSize = Math.Max(_radius * 1.6, layout.Width / 90.0);
        _sectionFontSize = SeatShapes.Number(fontSize);
        _stageFontSize = SeatShapes.Number(Math.Clamp(layout.Stage.Height * 0.5, 10, Math.Max(18, layout.Width / 45.0)));
        var bounds = layout.Seats
            .GroupBy(seat => seat.SectionId)
            .ToDictionary(group => group.Key, group => (Left: group.Min(seat => seat.X), Right: group.Max(seat => seat.X), Top: group.Min(seat => seat.Y)));
        _sectionLabels = layout.Sections
            .Where(section => bounds.ContainsKey(section.Id))
            .Select(section =>
            {
                var box = bounds[section.Id];
                return (
                    SeatShapes.Number((box.Left + box.Right) / 2.0),
                    SeatShapes.Number(box.Top - _radius - (fontSize * 0.5)),
                    labels.Section(section.Floor, section.Name));
            })
            .ToList();
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

/// <summary>Colours by grade, the same as the venue page's seat map preview.</summary>
public static class GradeColours
{
    public static IReadOnlyDictionary<string, string> For(RoundSeatLayout layout)
    {
        ArgumentNullException.ThrowIfNull(layout);
        return Catalog.SeatMapDrawing.Palette(layout.Grades.Select(grade => grade.Grade))
            .ToDictionary(pair => pair.Grade, pair => pair.Colour, StringComparer.Ordinal);
    }
}

/// <summary>How seats and sections are named to people and screen readers, in the visitor's language.</summary>
public sealed class SeatLabels(Microsoft.Extensions.Localization.IStringLocalizer<BookingResource> localizer)
{
    /// <summary>"R석" — a grade as a customer reads it.</summary>
    public string Grade(string grade) => localizer["Grade.Name", grade];

    /// <summary>"R석 2층 C구역 7열 12번, 110,000원" (and "휠체어석" for a wheelchair space).</summary>
    public string For(RoundSeatMapSeat seat) =>
        seat.IsAccessible
            ? localizer["Seat.LabelAccessible", Grade(seat.Grade), seat.Label, Localization.DisplayFormat.Won(seat.Price)]
            : localizer["Seat.Label", Grade(seat.Grade), seat.Label, Localization.DisplayFormat.Won(seat.Price)];

    /// <summary>"2층 C구역": short codes get "구역"; a name that already says its floor is not given it twice.</summary>
    public string Section(int floor, string name)
    {
        var sectionName = name.All(char.IsAsciiLetterOrDigit) ? localizer["Section.Code", name].Value : name;
        var floorName = floor < 0
            ? localizer["Section.Basement", (-floor).ToString(CultureInfo.InvariantCulture)].Value
            : localizer["Section.Floor", floor.ToString(CultureInfo.InvariantCulture)].Value;
        return sectionName.StartsWith(floorName, StringComparison.Ordinal) ? sectionName : $"{floorName} {sectionName}";
    }
}
