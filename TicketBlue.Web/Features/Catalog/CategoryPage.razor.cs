using System.Globalization;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Localization;
using TicketBlue.Domain.Performances;
using TicketBlue.Web.Features.Catalog;
using TicketBlue.Web.Features.Catalog.Categories;

namespace TicketBlue.Web.Features.Catalog;

/// <summary>
/// <c>/category/{slug}</c>: a category's shows to come. The filters, the order and the page are all
/// in the query string (from, to, venue, min, max, sort, page), so a result can be shared and the
/// back button steps through what the visitor did; the page only reacts to its address. The listing
/// read while prerendering is handed to the interactive page (persistent component state), so it is
/// not queried twice and does not flash to a spinner when the circuit starts.
/// </summary>
public sealed partial class CategoryPage : IDisposable
{
    private CancellationTokenSource? _loadingCts;
    private CategoryListing? _listing;
    private CategoryQuery _query = new(Category.Musical);
    private CategoryQuery? _loadedQuery;
    private Category _category;
    private Category? _listedCategory;
    private bool _missing;
    private bool _loading;
    private PersistingComponentStateSubscription _persisting;

    [Parameter]
    public string Slug { get; set; } = string.Empty;

    // Read as text and parsed leniently: a hand-edited address with "?page=abc" shows the first
    // page instead of an error page.
    [SupplyParameterFromQuery(Name = "from")]
    public string? From { get; set; }

    [SupplyParameterFromQuery(Name = "to")]
    public string? To { get; set; }

    [SupplyParameterFromQuery(Name = "venue")]
    public string? Venue { get; set; }

    [SupplyParameterFromQuery(Name = "min")]
    public string? Min { get; set; }

    [SupplyParameterFromQuery(Name = "max")]
    public string? Max { get; set; }

    [SupplyParameterFromQuery(Name = "sort")]
    public string? Sort { get; set; }

    [SupplyParameterFromQuery(Name = "page")]
    public string? PageNumber { get; set; }

    [Inject]
    private IGetCategoryListingHandler GetListing { get; set; } = default!;

    [Inject]
    private NavigationManager Navigation { get; set; } = default!;

    [Inject]
    private IStringLocalizer<CatalogResource> L { get; set; } = default!;

    [Inject]
    private IStringLocalizer<SharedResource> Shared { get; set; } = default!;

    [Inject]
    private PersistentComponentState ApplicationState { get; set; } = default!;

    private string CategoryName => Shared[$"Category.{_category}"];

    public void Dispose()
    {
        _persisting.Dispose();
        _loadingCts?.Cancel();
        _loadingCts?.Dispose();
    }

    protected override void OnInitialized() =>
        _persisting = ApplicationState.RegisterOnPersisting(PersistListingAsync);

    protected override async Task OnParametersSetAsync()
    {
        if (!CategorySlugs.TryParse(Slug, out var category))
        {
            _missing = true;
            _listing = null;
            _loadedQuery = null;
            Navigation.NotFound();
            return;
        }

        _missing = false;
        _category = category;
        _query = new CategoryQuery(
            category,
            ParseDate(From),
            ParseDate(To),
            ParseId(Venue),
            ParseWon(Min),
            ParseWon(Max),
            CategorySorts.Parse(Sort),
            ParsePage(PageNumber));
        if (_query == _loadedQuery)
        {
            return;
        }

        _loadedQuery = _query;
        if (ApplicationState.TryTakeFromJson<CategoryListing>(StateKey(_query), out var prerendered) && prerendered is not null)
        {
            _listing = prerendered;
            _listedCategory = category;
            return;
        }

        if (_listedCategory != category)
        {
            // Another category's cards must not linger while this one loads.
            _listing = null;
        }

        await LoadAsync(_query);
    }

    private async Task LoadAsync(CategoryQuery query)
    {
        if (_loadingCts is not null)
        {
            await _loadingCts.CancelAsync();
            _loadingCts.Dispose();
        }

        _loadingCts = new CancellationTokenSource();
        var token = _loadingCts.Token;
        _loading = true;
        try
        {
            var listing = await GetListing.HandleAsync(query, token);
            if (!token.IsCancellationRequested)
            {
                _listing = listing;
                _listedCategory = query.Category;
                _loading = false;
            }
        }
        catch (OperationCanceledException) when (token.IsCancellationRequested)
        {
            // A newer address is being loaded; its answer will be shown instead.
        }
    }

    private static string StateKey(CategoryQuery query) => $"{nameof(CategoryPage)}:{query}";

    private Task PersistListingAsync()
    {
        if (_listing is not null && _loadedQuery is not null && !_loading)
        {
            ApplicationState.PersistAsJson(StateKey(_loadedQuery), _listing);
        }

        return Task.CompletedTask;
    }

    private void ApplyFilters(CategoryFilter filter) =>
        Navigation.NavigateTo(Navigation.GetUriWithQueryParameters(new Dictionary<string, object?>
        {
            ["from"] = filter.From?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["to"] = filter.To?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["venue"] = filter.VenueId,
            ["min"] = filter.MinPrice,
            ["max"] = filter.MaxPrice,
            ["page"] = null,
        }));

    private string SortUri(CategorySort sort) =>
        Navigation.GetUriWithQueryParameters(new Dictionary<string, object?>
        {
            ["sort"] = sort == CategorySort.Soonest ? null : CategorySorts.ToCode(sort),
            ["page"] = null,
        });

    private string PageUri(int page) => Navigation.GetUriWithQueryParameter("page", page <= 1 ? (int?)null : page);

    private static DateOnly? ParseDate(string? value) =>
        DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day) ? day : null;

    private static long? ParseId(string? value) =>
        long.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var id) && id > 0 ? id : null;

    private static long? ParseWon(string? value) =>
        long.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var won) ? won : null;

    private static int ParsePage(string? value) =>
        int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var page) ? Math.Clamp(page, 1, 10_000) : 1;
}
