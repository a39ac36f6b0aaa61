using System.Globalization;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Localization;
using TicketBlue.Web.Features.Catalog.Lists;

namespace TicketBlue.Web.Features.Catalog;

/// <summary>
/// What the lists of all performances, performers and venues share: the order and page come from
/// the address (<c>?sort=name&amp;page=2</c>, parsed leniently), one page is loaded per address, and
/// a newer address cancels the load of an older one.
/// </summary>
public abstract class CatalogListView<TModel> : ComponentBase, IDisposable
    where TModel : class
{
    private CancellationTokenSource? _loading;
    private (CatalogListSort Sort, int Page)? _loaded;

    [SupplyParameterFromQuery(Name = "sort")]
    public string? SortCode { get; set; }

    [SupplyParameterFromQuery(Name = "page")]
    public string? PageNumber { get; set; }

    [Inject]
    protected NavigationManager Navigation { get; set; } = default!;

    [Inject]
    protected IStringLocalizer<SearchResource> S { get; set; } = default!;

    protected TModel? Model { get; private set; }

    protected bool IsLoading { get; private set; }

    protected CatalogListSort Sort { get; private set; }

    protected int Page { get; private set; } = 1;

    /// <summary>The orders this list offers; the first is the default.</summary>
    protected abstract IReadOnlyList<CatalogListSort> Sorts { get; }

    public void Dispose()
    {
        Dispose(true);
        GC.SuppressFinalize(this);
    }

    protected abstract Task<TModel> LoadAsync(CatalogListSort sort, int page, CancellationToken cancellationToken);

    protected override async Task OnParametersSetAsync()
    {
        Sort = CatalogListSorts.Parse(SortCode, Sorts);
        Page = int.TryParse(PageNumber, NumberStyles.None, CultureInfo.InvariantCulture, out var page) ? Math.Clamp(page, 1, 10_000) : 1;
        if (_loaded == (Sort, Page))
        {
            return;
        }

        _loaded = (Sort, Page);
        if (_loading is not null)
        {
            await _loading.CancelAsync();
            _loading.Dispose();
        }

        _loading = new CancellationTokenSource();
        var token = _loading.Token;
        IsLoading = true;
        try
        {
            var model = await LoadAsync(Sort, Page, token);
            if (!token.IsCancellationRequested)
            {
                Model = model;
                IsLoading = false;
            }
        }
        catch (OperationCanceledException) when (token.IsCancellationRequested)
        {
            // A newer address is being loaded.
        }
    }

    protected string SortUri(CatalogListSort sort) =>
        Navigation.GetUriWithQueryParameters(new Dictionary<string, object?>
        {
            ["sort"] = sort == Sorts[0] ? null : CatalogListSorts.ToCode(sort),
            ["page"] = null,
        });

    protected string PageUri(int page) => Navigation.GetUriWithQueryParameter("page", page <= 1 ? (int?)null : page);

    protected virtual void Dispose(bool disposing)
    {
        if (disposing)
        {
            _loading?.Cancel();
            _loading?.Dispose();
            _loading = null;
        }
    }
}
