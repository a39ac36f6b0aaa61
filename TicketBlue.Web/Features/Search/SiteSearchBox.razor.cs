using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Routing;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Logging;
using TicketBlue.Domain.Search;
using TicketBlue.Web.Features.Search;

namespace TicketBlue.Web.Features.Search;

/// <summary>
/// The header's search combobox. Typing waits <see cref="Debounce"/> after the last keystroke before
/// asking <see cref="ICatalogSearch.SuggestAsync"/> (and a newer keystroke cancels an older request),
/// so a fast typist sends one request per pause, not one per character. The wait runs on the injected
/// <see cref="TimeProvider"/>, so tests step through it without sleeping.
/// </summary>
public sealed partial class SiteSearchBox : IDisposable
{
    /// <summary>Suggestions need at least this many characters (the port's contract).</summary>
    public const int MinCharacters = 2;

    public const int MaxSuggestions = 8;

    public static readonly TimeSpan Debounce = TimeSpan.FromMilliseconds(250);

    private IReadOnlyList<SearchSuggestion> _suggestions = [];
    private CancellationTokenSource? _pending;
    private ElementReference _input;
    private string _text = string.Empty;
    private string _status = string.Empty;
    private int _active = -1;
    private bool _listOpen;
    private bool _expanded;

    [Inject]
    private ICatalogSearch Search { get; set; } = default!;

    [Inject]
    private TimeProvider Time { get; set; } = default!;

    [Inject]
    private NavigationManager Navigation { get; set; } = default!;

    [Inject]
    private IStringLocalizer<SearchResource> S { get; set; } = default!;

    [Inject]
    private ILogger<SiteSearchBox> Logger { get; set; } = default!;

    private bool ListOpen => _listOpen && _suggestions.Count > 0;

    public void Dispose()
    {
        Navigation.LocationChanged -= OnLocationChanged;
        _pending?.Cancel();
        _pending?.Dispose();
    }

    protected override void OnInitialized() => Navigation.LocationChanged += OnLocationChanged;

    private static string OptionId(int index) => $"site-search-option-{index}";

    private async Task OnInputAsync(ChangeEventArgs e)
    {
        _text = e.Value?.ToString() ?? string.Empty;
        var prefix = _text.Trim();
        CancelPending();
        if (prefix.Length < MinCharacters)
        {
            ClearSuggestions();
            return;
        }

        _pending = new CancellationTokenSource();
        var token = _pending.Token;
        try
        {
            await Task.Delay(Debounce, Time, token);
            var suggestions = await Search.SuggestAsync(prefix, MaxSuggestions, token);
            if (token.IsCancellationRequested)
            {
                return;
            }

            _suggestions = suggestions;
            _active = -1;
            _listOpen = true;
            _status = suggestions.Count > 0 ? S["Box.SuggestionCount", suggestions.Count] : S["Box.NoSuggestions"];
        }
        catch (OperationCanceledException) when (token.IsCancellationRequested)
        {
            // A newer keystroke took over.
        }
#pragma warning disable CA1031 // Suggestions are a convenience: an engine that is not ready must not break the header.
        catch (Exception exception)
#pragma warning restore CA1031
        {
            LogSuggestFailed(Logger, exception);
            ClearSuggestions();
        }
    }

    private void OnKeyDown(KeyboardEventArgs e)
    {
        switch (e.Key)
        {
            case "ArrowDown" when _suggestions.Count > 0:
                _listOpen = true;
                _active = (_active + 1) % _suggestions.Count;
                break;
            case "ArrowUp" when _suggestions.Count > 0:
                _listOpen = true;
                _active = _active <= 0 ? _suggestions.Count - 1 : _active - 1;
                break;
            case "Escape":
                _listOpen = false;
                _active = -1;
                break;
            default:
                // Enter submits the form (Submit), which knows whether a suggestion is chosen.
                break;
        }
    }

    private void Submit()
    {
        if (ListOpen && _active >= 0 && _active < _suggestions.Count)
        {
            PickAt(_active);
            return;
        }

        var text = _text.Trim();
        if (text.Length == 0)
        {
            return;
        }

        CancelPending();
        ClearSuggestions();
        Navigation.NavigateTo(SearchLinks.ResultsFor(text));
    }

    private void PickAt(int index)
    {
        var suggestion = _suggestions[index];
        CancelPending();
        ClearSuggestions();
        _text = string.Empty;
        _expanded = false;
        Navigation.NavigateTo(SearchLinks.PathFor(suggestion.Kind, suggestion.Id));
    }

    private void CloseList()
    {
        _listOpen = false;
        _active = -1;
    }

    private async Task ToggleAsync()
    {
        _expanded = !_expanded;
        if (_expanded)
        {
            // Rendered already (only hidden by CSS on phones), so it can take focus right away.
            await _input.FocusAsync();
        }
    }

    private void ClearSuggestions()
    {
        _suggestions = [];
        _active = -1;
        _listOpen = false;
        _status = string.Empty;
    }

    private void CancelPending()
    {
        _pending?.Cancel();
        _pending?.Dispose();
        _pending = null;
    }

    private void OnLocationChanged(object? sender, LocationChangedEventArgs e)
    {
        if (_expanded || _listOpen)
        {
            _expanded = false;
            _listOpen = false;
            _ = InvokeAsync(StateHasChanged);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Search suggestions failed; the box shows none")]
    private static partial void LogSuggestFailed(ILogger logger, Exception exception);
}
