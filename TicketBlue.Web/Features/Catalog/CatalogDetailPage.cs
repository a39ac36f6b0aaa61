using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Localization;

namespace TicketBlue.Web.Features.Catalog;

/// <summary>
/// What the performance, performer and venue pages share: load the model for the id in the address
/// (again when the id changes while the page stays), show progress meanwhile, and answer an unknown
/// or hidden id with the app's 404 page and status. The model read while prerendering travels to
/// the interactive page in the HTML (persistent component state), so the page neither queries twice
/// nor flashes from its prerendered content to a spinner and back when the circuit starts.
/// </summary>
public abstract class CatalogDetailPage<TModel> : ComponentBase, IDisposable
    where TModel : class
{
    private CancellationTokenSource? _loading;
    private long? _loadedId;
    private PersistingComponentStateSubscription _persisting;

    /// <summary>The id from the address, e.g. <c>/performances/{Id}</c>.</summary>
    [Parameter]
    public long Id { get; set; }

    /// <summary>Null while loading and when not found.</summary>
    protected TModel? Model { get; private set; }

    /// <summary>True when there is nothing customers may see at this id.</summary>
    protected bool IsMissing { get; private set; }

    [Inject]
    protected NavigationManager Navigation { get; set; } = default!;

    [Inject]
    protected IStringLocalizer<CatalogResource> L { get; set; } = default!;

    [Inject]
    protected IStringLocalizer<SharedResource> Shared { get; set; } = default!;

    [Inject]
    private PersistentComponentState ApplicationState { get; set; } = default!;

    public void Dispose()
    {
        Dispose(true);
        GC.SuppressFinalize(this);
    }

    /// <summary>Reads the model; null means "not found" (missing, unpublished or archived).</summary>
    protected abstract Task<TModel?> LoadAsync(long id, CancellationToken cancellationToken);

    /// <summary>Called when a new model has arrived, to reset per-model view state.</summary>
    protected virtual void OnModelLoaded(TModel model)
    {
    }

    protected override void OnInitialized() =>
        _persisting = ApplicationState.RegisterOnPersisting(PersistModelAsync);

    protected override async Task OnParametersSetAsync()
    {
        if (_loadedId == Id)
        {
            return;
        }

        _loadedId = Id;

        // A newer id wins: the answer for the previous one is dropped if it arrives late.
        await CancelLoadingAsync();
        if (ApplicationState.TryTakeFromJson<TModel>(StateKey(Id), out var prerendered) && prerendered is not null)
        {
            Model = prerendered;
            IsMissing = false;
            OnModelLoaded(prerendered);
            return;
        }

        _loading = new CancellationTokenSource();
        var token = _loading.Token;
        Model = null;
        IsMissing = false;

        TModel? model;
        try
        {
            model = await LoadAsync(Id, token);
        }
        catch (OperationCanceledException) when (token.IsCancellationRequested)
        {
            return;
        }

        if (token.IsCancellationRequested)
        {
            return;
        }

        Model = model;
        if (model is null)
        {
            IsMissing = true;
            // The router renders the NotFound page; while prerendering this also sets HTTP 404.
            Navigation.NotFound();
        }
        else
        {
            OnModelLoaded(model);
        }
    }

    protected virtual void Dispose(bool disposing)
    {
        if (disposing)
        {
            _persisting.Dispose();
            _loading?.Cancel();
            _loading?.Dispose();
            _loading = null;
        }
    }

    private string StateKey(long id) => $"{GetType().Name}:{id}";

    private Task PersistModelAsync()
    {
        if (Model is not null && _loadedId is { } id)
        {
            ApplicationState.PersistAsJson(StateKey(id), Model);
        }

        return Task.CompletedTask;
    }

    private async Task CancelLoadingAsync()
    {
        if (_loading is not null)
        {
            await _loading.CancelAsync();
            _loading.Dispose();
            _loading = null;
        }
    }
}
