using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Logging;
using TicketBlue.Domain.Performances;
using TicketBlue.Domain.Search;
using TicketBlue.Web.Features.Catalog;
using TicketBlue.Web.Features.Catalog.Categories;
using TicketBlue.Web.Features.Search;

namespace TicketBlue.Web.Features.Search;

/// <summary>
/// <c>/search</c>: the keyword and every filter live in the query string (q, category, from, to,
/// venue, minPrice, maxPrice), so a search can be shared and the back button undoes a filter; the
/// page only reacts to its address. The answer read while prerendering travels to the interactive
/// page (persistent component state), so the engine is not asked twice. An engine that fails (for
/// instance while its index is still being built) gets a friendly message and a retry, not an error page.
/// </summary>
public sealed partial class SearchPage : IDisposable
{
    private CancellationTokenSource? _searching;
    private SearchAddress _address = new(string.Empty);
    private SearchAddress? _loadedAddress;
    private SearchResults? _results;
    private VenueOption? _selectedVenue;
    private bool _loading;
    private bool _failed;
    private PersistingComponentStateSubscription _persisting;

    [SupplyParameterFromQuery(Name = "q")]
    public string? Q { get; set; }

    [SupplyParameterFromQuery(Name = "category")]
    public string? CategorySlug { get; set; }

    [SupplyParameterFromQuery(Name = "from")]
    public string? From { get; set; }

    [SupplyParameterFromQuery(Name = "to")]
    public string? To { get; set; }

    [SupplyParameterFromQuery(Name = "venue")]
    public string? Venue { get; set; }

    [SupplyParameterFromQuery(Name = "minPrice")]
    public string? MinPrice { get; set; }

    [SupplyParameterFromQuery(Name = "maxPrice")]
    public string? MaxPrice { get; set; }

    [Inject]
    private ICatalogSearch Search { get; set; } = default!;

    [Inject]
    private IFindVenueOptionsHandler VenueOptions { get; set; } = default!;

    [Inject]
    private NavigationManager Navigation { get; set; } = default!;

    [Inject]
    private PersistentComponentState ApplicationState { get; set; } = default!;

    [Inject]
    private IStringLocalizer<SearchResource> S { get; set; } = default!;

    [Inject]
    private ILogger<SearchPage> Logger { get; set; } = default!;

    // The category filter bar is shared with the category pages; only its date, venue and price fields are read.
    private CategoryQuery FilterQuery => new(_address.Category ?? Category.Musical, _address.From, _address.To, _address.VenueId, _address.MinPrice, _address.MaxPrice);

    private string ResetUri => new SearchAddress(_address.Text).ToUri();

    public void Dispose()
    {
        _persisting.Dispose();
        _searching?.Cancel();
        _searching?.Dispose();
    }

    protected override void OnInitialized() =>
        _persisting = ApplicationState.RegisterOnPersisting(PersistAsync);

    protected override async Task OnParametersSetAsync()
    {
        _address = SearchAddress.Parse(Q, CategorySlug, From, To, Venue, MinPrice, MaxPrice);
        await LoadSelectedVenueAsync();
        if (_address == _loadedAddress)
        {
            return;
        }

        _loadedAddress = _address;
        if (!_address.HasText)
        {
            await CancelSearchAsync();
            (_results, _failed, _loading) = (null, false, false);
            return;
        }

        if (ApplicationState.TryTakeFromJson<SearchResults>(StateKey(_address), out var prerendered) && prerendered is not null)
        {
            (_results, _failed, _loading) = (prerendered, false, false);
            return;
        }

        await RunAsync(_address);
    }

    private async Task RunAsync(SearchAddress address)
    {
        await CancelSearchAsync();
        _searching = new CancellationTokenSource();
        var token = _searching.Token;
        _loading = true;
        _failed = false;
        try
        {
            var results = await Search.SearchAsync(address.ToQuery(), token);
            if (!token.IsCancellationRequested)
            {
                _results = results;
                _loading = false;
            }
        }
        catch (OperationCanceledException) when (token.IsCancellationRequested)
        {
            // A newer address is being searched; its answer will be shown instead.
        }
#pragma warning disable CA1031 // Any engine failure (index not ready, I/O) is shown as "try again later", never as a broken page.
        catch (Exception exception)
#pragma warning restore CA1031
        {
            LogSearchFailed(Logger, exception, address.Text);
            _results = null;
            _failed = true;
            _loading = false;
        }
    }

    private Task RetryAsync() => RunAsync(_address);

    private async Task CancelSearchAsync()
    {
        if (_searching is not null)
        {
            await _searching.CancelAsync();
            _searching.Dispose();
            _searching = null;
        }
    }

    private void ApplyFilters(CategoryFilter filter) =>
        Navigation.NavigateTo((_address with
        {
            From = filter.From,
            To = filter.To,
            VenueId = filter.VenueId,
            MinPrice = filter.MinPrice,
            MaxPrice = filter.MaxPrice,
        }).ToUri());

    /// <summary>The name of the venue the address filters by, for the filter's field (read once per venue).</summary>
    private async Task LoadSelectedVenueAsync()
    {
        if (_address.VenueId is not { } venueId)
        {
            _selectedVenue = null;
            return;
        }

        if (_selectedVenue?.Id == venueId)
        {
            return;
        }

        _selectedVenue = ApplicationState.TryTakeFromJson<VenueOption>(VenueKey(venueId), out var prerendered) && prerendered is not null
            ? prerendered
            : await VenueOptions.GetAsync(venueId, CancellationToken.None);
    }

    private static string VenueKey(long venueId) => $"{nameof(SearchPage)}:venue:{venueId}";

    private static string StateKey(SearchAddress address) => $"{nameof(SearchPage)}:{address.ToUri()}";

    private Task PersistAsync()
    {
        if (_selectedVenue is not null)
        {
            ApplicationState.PersistAsJson(VenueKey(_selectedVenue.Id), _selectedVenue);
        }

        if (_results is not null && _loadedAddress is not null && !_loading && !_failed)
        {
            ApplicationState.PersistAsJson(StateKey(_loadedAddress), _results);
        }

        return Task.CompletedTask;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Search for {Text} failed; the page offers to try again")]
    private static partial void LogSearchFailed(ILogger logger, Exception exception, string text);
}
