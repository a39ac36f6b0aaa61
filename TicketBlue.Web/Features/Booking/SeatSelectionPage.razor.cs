using System.Security.Claims;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.Extensions.Localization;
using TicketBlue.Domain.Booking;
using TicketBlue.Domain.Rounds;
using TicketBlue.Infrastructure.Booking;
using TicketBlue.Web.Features.Booking;
using TicketBlue.Web.Localization;
using TicketBlue.Web.RateLimiting;
using TicketBlue.Web.Features.WaitingRoom;

namespace TicketBlue.Web.Features.Booking;

/// <summary>
/// <c>/rounds/{id}/seats</c>: the customer's live seat map for one round and the hold that follows.
/// The hall comes from <see cref="IGetRoundSeatMapHandler"/> as the round's shared
/// <see cref="SeatMapModel"/> (the browser draws it, ADR-008); seat states from the live
/// <see cref="IRoundSeatFeed"/>, subscribed for as long as the circuit shows the page, so a seat held,
/// bought or released anywhere changes here within a moment. Holding, extending and releasing go
/// through <see cref="ISeatHoldService"/>, which takes all the picked seats or none.
/// </summary>
public sealed partial class SeatSelectionPage : IDisposable
{
    private readonly List<HoldEntry> _holds = [];
    private readonly List<SeatStatus> _early = [];
    private readonly CancellationTokenSource _disposed = new();
    private long? _loadedRoundId;
    private RoundSeatMap? _map;
    private SeatBoardState? _state;
    private SeatLabels? _labels;
    private IReadOnlyDictionary<string, string> _colours = new Dictionary<string, string>();
    private string? _userId;
    private bool _missing;
    private bool _busy;
    private int _tab;
    private ElementReference _mapTab;
    private ElementReference _listTab;
    private string? _status;
    private HoldFailure? _failure;
    private IDisposable? _subscription;
    private ITimer? _clock;

    [Parameter]
    public long RoundId { get; set; }

    [CascadingParameter]
    private Task<AuthenticationState>? AuthenticationState { get; set; }

    /// <summary>The request while the page is rendered over HTTP (its admission cookie); null in a live circuit.</summary>
    [CascadingParameter]
    private HttpContext? HttpContext { get; set; }

    [Inject]
    private SeatPageAdmission Admission { get; set; } = default!;

    [Inject]
    private IGetRoundSeatMapHandler GetSeatMap { get; set; } = default!;

    [Inject]
    private SeatMapModels Models { get; set; } = default!;

    [Inject]
    private IRoundSeatFeed Feed { get; set; } = default!;

    [Inject]
    private ISeatHoldService Holds { get; set; } = default!;

    [Inject]
    private RequestLimiters Limits { get; set; } = default!;

    [Inject]
    private TimeProvider Clock { get; set; } = default!;

    [Inject]
    private NavigationManager Navigation { get; set; } = default!;

    [Inject]
    private IStringLocalizer<BookingResource> L { get; set; } = default!;

    [Inject]
    private IStringLocalizer<SharedResource> Shared { get; set; } = default!;

    private int HoldMinutes => _map is null ? 0 : (int)Math.Ceiling(_map.Round.HoldDuration.TotalMinutes);

    /// <summary>Signed-out visitors see the map live but sign in to hold, then come back here.</summary>
    private string? LoginUrl =>
        _userId is null ? $"/Account/Login?ReturnUrl={Uri.EscapeDataString($"/rounds/{RoundId}/seats")}" : null;

    /// <summary>Why seats cannot be held now, or null while the round is on sale.</summary>
    private string? SalesReason => _map?.Round switch
    {
        null => null,
        { SalesState: RoundSalesState.NotOpenYet } round => L["Sales.NotOpenYet", DisplayFormat.SeoulDateTime(round.SalesOpenAt)].Value,
        { SalesState: RoundSalesState.Closed } => L["Sales.Closed"].Value,
        { SalesState: RoundSalesState.Cancelled } => L["Sales.Cancelled"].Value,
        _ => null,
    };

    protected override async Task OnParametersSetAsync()
    {
        if (_loadedRoundId == RoundId)
        {
            return;
        }

        _loadedRoundId = RoundId;
        Unsubscribe();
        (_map, _state, _missing, _status, _failure) = (null, null, false, null, null);
        _holds.Clear();
        _userId = await CurrentUserIdAsync();
        if (!await Admission.EnsureAsync(RoundId, _userId, HttpContext, _disposed.Token))
        {
            return;
        }

        var map = await GetSeatMap.HandleAsync(RoundId, _disposed.Token);
        if (map is null)
        {
            _missing = true;
            Navigation.NotFound();
            return;
        }

        // Subscribe before reading the board, so nothing that happens in between is missed; changes
        // that arrive before the board are applied after it (each carries its version).
        var interactive = RendererInfo.IsInteractive;
        if (interactive)
        {
            _subscription = Feed.Subscribe(RoundId, OnSeatsChanged);
        }

        var board = await Feed.GetBoardAsync(RoundId, _disposed.Token);
        _labels = new SeatLabels(L);
        _colours = GradeColours.For(map.Layout);
        var bought = _userId is null ? 0 : await Holds.SeatsBoughtAsync(_userId, RoundId, _disposed.Token);
        _state = new SeatBoardState(Models.For(RoundId, map.Layout), board, _userId, map.Round.TicketLimit, Clock.GetUtcNow(), bought);
        if (_early.Count > 0)
        {
            _state.Apply(_early, await Feed.GetBoardAsync(RoundId, _disposed.Token), Clock.GetUtcNow());
            _early.Clear();
        }
        _map = map;

        if (interactive)
        {
            if (_userId is not null)
            {
                var holds = await Holds.ActiveHoldsAsync(_userId, RoundId, _disposed.Token);
                _holds.AddRange(holds.Select(hold => new HoldEntry(hold)));
            }

            // Other customers' holds run out without anyone saying so: re-read them against the clock.
            _clock ??= Clock.CreateTimer(_ => _ = InvokeAsync(RefreshExpiredHolds), null, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1));
        }
    }

    public void Dispose()
    {
        Unsubscribe();
        _clock?.Dispose();
        _disposed.Cancel();
        _disposed.Dispose();
    }

    /// <summary>
    /// The feed calls this on a thread-pool thread. The update is queued on this circuit and not
    /// awaited, so one busy circuit never holds up the feed telling every other viewer.
    /// </summary>
    private Task OnSeatsChanged(IReadOnlyList<SeatStatus> changes)
    {
        if (!_disposed.IsCancellationRequested)
        {
            _ = ApplyOnCircuitAsync(changes);
        }

        return Task.CompletedTask;
    }

    private async Task ApplyOnCircuitAsync(IReadOnlyList<SeatStatus> changes)
    {
        try
        {
            await InvokeAsync(async () => ApplyChanges(changes, await Feed.GetBoardAsync(RoundId, _disposed.Token)));
        }
        catch (Exception exception) when (exception is ObjectDisposedException or OperationCanceledException)
        {
            // The circuit closed while the change was on its way.
        }
    }

    /// <param name="board">The node's board now: it has these changes or newer ones.</param>
    private void ApplyChanges(IReadOnlyList<SeatStatus> changes, RoundSeatBoard board)
    {
        if (_state is null)
        {
            _early.AddRange(changes);
            return;
        }

        var lost = _state.Apply(changes, board, Clock.GetUtcNow());
        if (lost.Count > 0)
        {
            _status = L["Selection.Lost", string.Join(", ", lost.Select(seat => _labels!.For(seat)))];
        }

        StateHasChanged();
    }

    private void RefreshExpiredHolds()
    {
        if (_state?.Refresh(Clock.GetUtcNow()) == true)
        {
            StateHasChanged();
        }
    }

    private void ToggleSeat(long roundSeatId)
    {
        if (_state is null || !_state.TryGetSeat(roundSeatId, out var seat))
        {
            return;
        }

        _status = _state.Toggle(roundSeatId) switch
        {
            SeatToggle.Selected => L["Selection.Added", _labels!.For(seat), _state.SelectedIds.Count, _state.SelectionLimit],
            SeatToggle.Deselected => L["Selection.Removed", _labels!.For(seat)],
            SeatToggle.LimitReached => _state.SelectionLimit == 0 ? L["Selection.NoMore", _map!.Round.TicketLimit] : L["Selection.LimitReached", _state.SelectionLimit],
            _ => L["Selection.Unavailable", _labels!.For(seat), _labels.State(_state.ViewOf(roundSeatId), false)],
        };
    }

    private void FindBestAvailable(BestAvailableRequest request)
    {
        if (_state is null || _map is null)
        {
            return;
        }

        var candidates = _map.Layout.Seats
            .Select(seat => new SeatCandidate(
                seat.RoundSeatId,
                seat.SectionId,
                seat.Row,
                seat.Number,
                seat.X,
                seat.Y,
                seat.Grade,
                seat.IsAccessible,
                _state.ViewOf(seat.RoundSeatId) == SeatView.Available))
            .ToList();
        var count = Math.Clamp(request.Count, BestAvailable.MinCount, Math.Max(BestAvailable.MinCount, Math.Min(BestAvailable.MaxCount, _state.SelectionLimit)));
        var found = BestAvailable.Find(candidates, _map.Layout.Stage, request.Grade, count, request.Wheelchair);
        if (found.Count == 0)
        {
            _status = L["Best.NoneFound", _labels!.Grade(request.Grade), count];
            return;
        }

        _state.SelectOnly(found);
        _status = L["Best.Found", string.Join(", ", _state.Selected.Select(seat => seat.Label))];
    }

    private async Task HoldAsync()
    {
        if (_state is null || _userId is null || _busy || _state.SelectedIds.Count == 0 || OverHoldLimit())
        {
            return;
        }

        // An admission can end while the page is open (no hold in time): then the queue, not a hold.
        if (!await Admission.EnsureAsync(RoundId, _userId, null, _disposed.Token))
        {
            return;
        }

        _busy = true;
        _failure = null;
        try
        {
            var result = await Holds.HoldAsync(_userId, RoundId, _state.SelectedIds.ToList(), _disposed.Token);
            if (result is { Succeeded: true, Hold: { } hold })
            {
                _state.ClearSelection();
                _holds.RemoveAll(entry => entry.Hold.HoldId == hold.HoldId);
                _holds.Insert(0, new HoldEntry(hold));
                _status = L["Hold.Succeeded", hold.Seats.Count, HoldMinutes];
            }
            else if (result.Failure is { } failure)
            {
                _failure = failure;
                _state.Deselect(failure.LostSeats.Select(seat => seat.RoundSeatId));
                _status = null;
            }

            // The board already has the change (the service publishes before it returns); reading it
            // also refreshes the map after a failure, whatever this circuit may have missed.
            await ReloadBoardAsync();
        }
        finally
        {
            _busy = false;
        }
    }

    private async Task ExtendAsync(Guid holdId)
    {
        if (_userId is null || _busy || OverHoldLimit())
        {
            return;
        }

        _busy = true;
        try
        {
            var result = await Holds.ExtendAsync(_userId, holdId, _disposed.Token);
            var index = _holds.FindIndex(entry => entry.Hold.HoldId == holdId);
            if (result is { Succeeded: true, Hold: { } hold } && index >= 0)
            {
                _holds[index] = new HoldEntry(hold);
                _status = L["Hold.Extended", DisplayFormat.SeoulClock(hold.ExpiresAt)];
            }
            else if (result.Failure is { } failure)
            {
                _status = L["Hold.ExtendFailed", failure.Message];
            }

            await ReloadBoardAsync();
        }
        finally
        {
            _busy = false;
        }
    }

    private async Task ReleaseAsync(Guid holdId)
    {
        if (_userId is null || _busy || OverHoldLimit())
        {
            return;
        }

        _busy = true;
        try
        {
            var failure = await Holds.ReleaseAsync(_userId, holdId, _disposed.Token);
            _holds.RemoveAll(entry => entry.Hold.HoldId == holdId);
            _status = failure is null ? L["Hold.Released"] : L["Hold.ReleaseFailed", failure.Message];
            await ReloadBoardAsync();
        }
        finally
        {
            _busy = false;
        }
    }

    /// <summary>
    /// The account's hold requests count against the same limit here as on the API (they are not HTTP
    /// requests, so the middleware never sees them); over it, the page says how long to wait.
    /// </summary>
    private bool OverHoldLimit()
    {
        if (Limits.TryAcquire(LimitedAction.Holds, _userId!, out var wait))
        {
            return false;
        }

        _status = L["Hold.RateLimited", DisplayFormat.Wait(wait)];
        return true;
    }

    /// <summary>The failure in the customer's language where the page has words for it, else the service's sentence.</summary>
    private string FailureText(HoldFailure failure) => failure switch
    {
        { Code: ReleaseCooldown.Code, RetryAfter: { } wait } => L["Hold.Cooldown", DisplayFormat.Wait(wait)],
        _ => failure.Message,
    };

    /// <summary>The countdown reached zero: the panel says so and the seats show as free again.</summary>
    private void HoldExpired(Guid holdId)
    {
        var index = _holds.FindIndex(entry => entry.Hold.HoldId == holdId);
        if (index >= 0)
        {
            _holds[index] = _holds[index] with { Expired = true };
        }

        _state?.Refresh(Clock.GetUtcNow());
        _status = L["Hold.Expired"];
    }

    /// <summary>The tab list's keys (WAI-ARIA tabs): arrows, Home and End move between the two views and focus the one chosen.</summary>
    private async Task TabKeyAsync(KeyboardEventArgs key)
    {
        var tab = key.Key switch
        {
            "ArrowRight" or "ArrowLeft" => 1 - _tab,
            "Home" => 0,
            "End" => 1,
            _ => _tab,
        };
        if (tab != _tab)
        {
            _tab = tab;
            await (tab == 0 ? _mapTab : _listTab).FocusAsync();
        }
    }

    private void DismissHold(Guid holdId) => _holds.RemoveAll(entry => entry.Hold.HoldId == holdId);

    private async Task ReloadBoardAsync()
    {
        if (_state is not null)
        {
            _state.Reload(await Feed.GetBoardAsync(RoundId, _disposed.Token), Clock.GetUtcNow());
        }
    }

    /// <summary>"R석 1층 A구역 1열 3번", from the map when it knows the seat.</summary>
    private string LostSeatName(HeldSeat seat) =>
        _state is not null && _state.TryGetSeat(seat.RoundSeatId, out var known)
            ? $"{_labels!.Grade(known.Grade)} {known.Label}"
            : $"{_labels!.Grade(seat.Grade)} {seat.Label}";

    private async Task<string?> CurrentUserIdAsync()
    {
        if (AuthenticationState is null)
        {
            return null;
        }

        var user = (await AuthenticationState).User;
        return user.Identity?.IsAuthenticated == true ? user.FindFirstValue(ClaimTypes.NameIdentifier) : null;
    }

    private void Unsubscribe()
    {
        _subscription?.Dispose();
        _subscription = null;
    }

    /// <summary>A hold shown on the page; an expired one stays, saying so, until dismissed.</summary>
    private sealed record HoldEntry(HoldView Hold, bool Expired = false);
}
