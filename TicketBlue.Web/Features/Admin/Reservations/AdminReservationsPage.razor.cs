using Microsoft.AspNetCore.Components;
using MudBlazor;
using TicketBlue.Domain.Reservations;
using TicketBlue.Infrastructure.Reservations;
using TicketBlue.Web.Endpoints;
using TicketBlue.Web.Features.Admin.Reservations;

namespace TicketBlue.Web.Features.Admin.Reservations;

/// <summary>
/// The back office's reservation search. The address is the search: the form navigates to
/// <c>/admin/reservations?…</c> and the page searches what the address says, so a search can be
/// bookmarked, shared and exported as it is shown. Sorting and paging are the grid's (server-side).
/// </summary>
public sealed partial class AdminReservationsPage : IDisposable
{
    private static readonly TimeSpan PollEvery = TimeSpan.FromMilliseconds(500);
    private static readonly TimeSpan PollAtMost = TimeSpan.FromMinutes(30);

    private readonly CancellationTokenSource _disposed = new();
    private MudDataGrid<ReservationSearchRow>? _grid;
    private ReservationSearchFilter _filter = new();
    private ReservationSearchResult? _result;
    private IReadOnlyList<PerformanceOption> _performances = [];
    private IReadOnlyList<RoundOption> _rounds = [];
    private IReadOnlyList<string> _methods = [];
    private long? _performanceId;
    private long? _roundId;
    private string? _customer;
    private IReadOnlyCollection<ReservationStatus> _statuses = [];
    private DateTime? _from;
    private DateTime? _to;
    private string? _method;
    private string? _coupon;
    private long? _minTotal;
    private long? _maxTotal;
    private Guid _exportId = Guid.NewGuid();
    private Guid? _exportShown;

    [Inject]
    private IAdminReservationSearch Search { get; set; } = default!;

    [Inject]
    private ExportProgressRegistry Progress { get; set; } = default!;

    [Inject]
    private NavigationManager Navigation { get; set; } = default!;

    // The query keys, supplied so that a navigation to this page with other filters runs the search again.
    [SupplyParameterFromQuery(Name = "performance")]
    public string? PerformanceParameter { get; set; }

    [SupplyParameterFromQuery(Name = "round")]
    public string? RoundParameter { get; set; }

    [SupplyParameterFromQuery(Name = "customer")]
    public string? CustomerParameter { get; set; }

    [SupplyParameterFromQuery(Name = "status")]
    public string[]? StatusParameter { get; set; }

    [SupplyParameterFromQuery(Name = "from")]
    public string? FromParameter { get; set; }

    [SupplyParameterFromQuery(Name = "to")]
    public string? ToParameter { get; set; }

    [SupplyParameterFromQuery(Name = "method")]
    public string? MethodParameter { get; set; }

    [SupplyParameterFromQuery(Name = "coupon")]
    public string? CouponParameter { get; set; }

    [SupplyParameterFromQuery(Name = "min")]
    public string? MinParameter { get; set; }

    [SupplyParameterFromQuery(Name = "max")]
    public string? MaxParameter { get; set; }

    private string ExportHref
    {
        get
        {
            var query = _filter.ToQueryString();
            return $"{ReservationExportEndpoint.Path}?{query}{(query.Length == 0 ? string.Empty : "&")}exportId={_exportId:N}";
        }
    }

    public void Dispose()
    {
        _disposed.Cancel();
        _disposed.Dispose();
    }

    protected override async Task OnInitializedAsync()
    {
        _performances = await Search.PerformancesAsync(_disposed.Token);
        _methods = await Search.PaymentMethodsAsync(_disposed.Token);
    }

    protected override async Task OnParametersSetAsync()
    {
        var filter = ReservationSearchFilter.Parse(new Uri(Navigation.Uri).Query);
        var performanceChanged = filter.PerformanceId != _filter.PerformanceId || _rounds.Count == 0;
        _filter = filter;
        _performanceId = filter.PerformanceId;
        _roundId = filter.RoundId;
        _customer = filter.Customer;
        _statuses = filter.Statuses.ToList();
        _from = filter.From?.ToDateTime(TimeOnly.MinValue);
        _to = filter.To?.ToDateTime(TimeOnly.MinValue);
        _method = filter.PaymentMethod;
        _coupon = filter.CouponCode;
        _minTotal = filter.MinTotal;
        _maxTotal = filter.MaxTotal;
        if (performanceChanged)
        {
            _rounds = filter.PerformanceId is { } id ? await Search.RoundsAsync(id, _disposed.Token) : [];
        }

        if (_grid is not null)
        {
            await _grid.ReloadServerData();
        }
    }

    private async Task<GridData<ReservationSearchRow>> LoadAsync(GridState<ReservationSearchRow> state, CancellationToken cancellationToken)
    {
        var sort = state.SortDefinitions.FirstOrDefault();
        var criteria = _filter.ToCriteria() with
        {
            Sort = sort?.SortBy switch
            {
                nameof(ReservationSearchRow.Total) => ReservationSearchSort.Total,
                nameof(ReservationSearchRow.RoundStartsAt) => ReservationSearchSort.RoundStartsAt,
                nameof(ReservationSearchRow.Status) => ReservationSearchSort.Status,
                _ => ReservationSearchSort.CreatedAt,
            },
            Descending = sort?.Descending ?? true,
            Page = state.Page,
            PageSize = state.PageSize,
        };
        _result = await Search.SearchAsync(criteria, cancellationToken);
        StateHasChanged(); // The count above the grid is the page's own markup.
        return new GridData<ReservationSearchRow> { Items = _result.Rows, TotalItems = _result.TotalCount };
    }

    private async Task PerformanceChangedAsync(long? performanceId)
    {
        _performanceId = performanceId;
        _roundId = null;
        _rounds = performanceId is { } id ? await Search.RoundsAsync(id, _disposed.Token) : [];
    }

    private Task SearchAsync()
    {
        var filter = new ReservationSearchFilter
        {
            PerformanceId = _performanceId,
            RoundId = _performanceId is null ? null : _roundId,
            Customer = _customer,
            Statuses = _statuses.ToList(),
            From = _from is { } from ? DateOnly.FromDateTime(from) : null,
            To = _to is { } to ? DateOnly.FromDateTime(to) : null,
            PaymentMethod = _method,
            CouponCode = _coupon,
            MinTotal = _minTotal,
            MaxTotal = _maxTotal,
        };
        var query = filter.ToQueryString();
        Navigation.NavigateTo(query.Length == 0 ? "/admin/reservations" : $"/admin/reservations?{query}");
        return Task.CompletedTask;
    }

    private Task ResetAsync()
    {
        Navigation.NavigateTo("/admin/reservations");
        return Task.CompletedTask;
    }

    private void OpenRow(DataGridRowClickEventArgs<ReservationSearchRow> args) =>
        Navigation.NavigateTo($"/admin/reservations/{args.Item.Id}");

    private string StatusText(IReadOnlyList<string> selected) =>
        selected.Count == 0 ? string.Empty :
        string.Join(", ", _statuses.Select(status => R[$"Status.{status}"].Value));

    /// <summary>
    /// The link's own click downloads the file (the browser streams it to disk); this only follows the
    /// export's progress on the server, then gets a new id ready for the next export.
    /// </summary>
    private async Task ExportStartedAsync()
    {
        var id = _exportId;
        _exportShown = id;
        _exportId = Guid.NewGuid();
        using var timer = new PeriodicTimer(PollEvery);
        var started = DateTimeOffset.UtcNow;
        try
        {
            while (await timer.WaitForNextTickAsync(_disposed.Token))
            {
                await InvokeAsync(StateHasChanged);
                if (Progress.Get(id) is { Finished: true } || DateTimeOffset.UtcNow - started > PollAtMost || _exportShown != id)
                {
                    break;
                }
            }
        }
        catch (OperationCanceledException)
        {
            // The page was left; the download goes on without it.
        }
    }
}
