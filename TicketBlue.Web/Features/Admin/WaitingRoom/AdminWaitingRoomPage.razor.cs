using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Localization;
using MudBlazor;
using TicketBlue.Web.Features;
using TicketBlue.Web.Features.Admin.WaitingRoom;

namespace TicketBlue.Web.Features.Admin.WaitingRoom;

/// <summary>
/// <c>/admin/performances/{id}/waiting-room</c>: turn the waiting room on for the performance or one
/// round, set the rate and the most people at once, pause and resume, open a round's sales now; and
/// watch each round's line live (refreshed every two seconds).
/// </summary>
public sealed partial class AdminWaitingRoomPage : IDisposable
{
    private static readonly TimeSpan RefreshEvery = TimeSpan.FromSeconds(2);

    private readonly CancellationTokenSource _disposed = new();
    private WaitingRoomConsoleView? _view;
    private WaitingRoomForm _performanceForm = new();
    private WaitingRoomForm? _roundForm;
    private long? _editingRound;
    private bool _busy;
    private bool _missing;
    private ITimer? _refresh;

    [Parameter]
    public long PerformanceId { get; set; }

    [Inject]
    private IGetWaitingRoomConsoleHandler Console { get; set; } = default!;

    [Inject]
    private ISaveWaitingRoomHandler Save { get; set; } = default!;

    [Inject]
    private IOpenSalesNowHandler OpenSales { get; set; } = default!;

    [Inject]
    private TimeProvider Clock { get; set; } = default!;

    [Inject]
    private ISnackbar Snackbar { get; set; } = default!;

    [Inject]
    private IStringLocalizer<WaitingRoomResource> L { get; set; } = default!;

    private DateTimeOffset Now => Clock.GetUtcNow();

    protected override async Task OnParametersSetAsync()
    {
        await LoadAsync();
        _missing = _view is null;
        if (_view is null)
        {
            return;
        }

        _performanceForm = _view.PerformanceSettings ?? new WaitingRoomForm { Enabled = false };
        if (RendererInfo.IsInteractive)
        {
            _refresh ??= Clock.CreateTimer(_ => _ = InvokeAsync(RefreshAsync), null, RefreshEvery, RefreshEvery);
        }
    }

    public void Dispose()
    {
        _refresh?.Dispose();
        _disposed.Cancel();
        _disposed.Dispose();
    }

    private async Task LoadAsync() => _view = await Console.HandleAsync(PerformanceId, _disposed.Token);

    private async Task RefreshAsync()
    {
        if (_disposed.IsCancellationRequested)
        {
            return;
        }

        await LoadAsync();
        StateHasChanged();
    }

    private Task SavePerformanceAsync(WaitingRoomForm form) =>
        RunAsync(() => Save.HandleAsync(new SaveWaitingRoomCommand(PerformanceId, null, form), _disposed.Token));

    private async Task SaveRoundAsync(long roundId)
    {
        if (_roundForm is { } form)
        {
            await RunAsync(() => Save.HandleAsync(new SaveWaitingRoomCommand(null, roundId, form), _disposed.Token));
        }
    }

    private Task OpenSalesAsync(long roundId) => RunAsync(() => OpenSales.HandleAsync(roundId, _disposed.Token));

    private void EditRound(RoundQueueRow row)
    {
        _editingRound = _editingRound == row.RoundId ? null : row.RoundId;
        var current = row.Settings ?? _performanceForm;
        _roundForm = new WaitingRoomForm { Enabled = current.Enabled, AdmissionPerMinute = current.AdmissionPerMinute, MaxActive = current.MaxActive, Paused = current.Paused };
    }

    private async Task RunAsync(Func<Task<CommandResult>> action)
    {
        _busy = true;
        try
        {
            var result = await action();
            if (result.Succeeded)
            {
                Snackbar.Add(L["Admin.Saved"], Severity.Success);
                await LoadAsync();
            }
            else
            {
                Snackbar.Add(result.Error ?? L["Admin.Failed"], Severity.Error);
            }
        }
        finally
        {
            _busy = false;
        }
    }
}
