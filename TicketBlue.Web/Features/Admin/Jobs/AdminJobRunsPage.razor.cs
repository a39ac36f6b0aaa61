using System.Globalization;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Localization;
using MudBlazor;
using TicketBlue.Domain.Jobs;
using TicketBlue.Infrastructure.Jobs;
using TicketBlue.Web.Features;
using TicketBlue.Web.Features.Admin.Jobs;

namespace TicketBlue.Web.Features.Admin.Jobs;

/// <summary>
/// <c>/admin/job-runs</c> (배치 작업 이력): the batch jobs with their schedules and a "지금 실행" button each, and
/// the run history newest first, 20 a page, refreshed every three seconds so a running job's rows count up.
/// </summary>
public sealed partial class AdminJobRunsPage : IDisposable
{
    public const int PageSize = 20;

    private static readonly TimeSpan RefreshEvery = TimeSpan.FromSeconds(3);

    private readonly CancellationTokenSource _disposed = new();
    private IReadOnlyList<BatchJobRow> _jobs = [];
    private PagedResult<JobRunRow>? _page;
    private int _pageIndex;
    private bool _busy;
    private ITimer? _refresh;

    [Inject]
    private IListJobRunsHandler Runs { get; set; } = default!;

    [Inject]
    private IListBatchJobsHandler Jobs { get; set; } = default!;

    [Inject]
    private ITriggerJobHandler Trigger { get; set; } = default!;

    [Inject]
    private TimeProvider Clock { get; set; } = default!;

    [Inject]
    private ISnackbar Snackbar { get; set; } = default!;

    [Inject]
    private IStringLocalizer<JobsResource> L { get; set; } = default!;

    private int PageCount => _page is null ? 0 : (_page.TotalCount + PageSize - 1) / PageSize;

    protected override async Task OnInitializedAsync()
    {
        _jobs = Jobs.Handle();
        await LoadAsync();
        if (RendererInfo.IsInteractive)
        {
            _refresh = Clock.CreateTimer(_ => _ = InvokeAsync(RefreshAsync), null, RefreshEvery, RefreshEvery);
        }
    }

    public void Dispose()
    {
        _refresh?.Dispose();
        _disposed.Cancel();
        _disposed.Dispose();
    }

    private static string Name(string jobKey) => JobNames.Display(jobKey, CultureInfo.CurrentUICulture);

    private static Color OutcomeColor(JobRunOutcome outcome) => outcome switch
    {
        JobRunOutcome.Succeeded => Color.Success,
        JobRunOutcome.Failed => Color.Error,
        _ => Color.Warning,
    };

    private static string Elapsed(TimeSpan elapsed) =>
        elapsed.TotalHours >= 1 ? elapsed.ToString(@"h\:mm\:ss", CultureInfo.InvariantCulture) : elapsed.ToString(@"m\:ss", CultureInfo.InvariantCulture);

    private async Task LoadAsync() =>
        _page = await Runs.HandleAsync(new PageRequest(_pageIndex, PageSize), _disposed.Token);

    private async Task RefreshAsync()
    {
        if (_disposed.IsCancellationRequested)
        {
            return;
        }

        await LoadAsync();
        StateHasChanged();
    }

    private async Task GoToPageAsync(int page)
    {
        _pageIndex = Math.Max(0, page - 1);
        await LoadAsync();
    }

    private async Task RunNowAsync(string jobKey)
    {
        _busy = true;
        try
        {
            var outcome = await Trigger.HandleAsync(jobKey, _disposed.Token);
            if (outcome == TriggerJobOutcome.Enqueued)
            {
                Snackbar.Add(L["Runs.Enqueued", Name(jobKey)], Severity.Success);
            }
            else
            {
                Snackbar.Add(L["Runs.UnknownJob"], Severity.Error);
            }

            await LoadAsync();
        }
        finally
        {
            _busy = false;
        }
    }
}
