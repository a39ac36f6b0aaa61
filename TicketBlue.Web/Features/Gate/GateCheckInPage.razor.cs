using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Localization;
using MudBlazor;
using TicketBlue.Domain.Common;
using TicketBlue.Infrastructure.Auditing;
using TicketBlue.Infrastructure.Tickets;
using TicketBlue.Web.Features.Gate;
using TicketBlue.Web.Localization;

namespace TicketBlue.Web.Features.Gate;

/// <summary>
/// <c>/gate/check-in</c>: the gate (입장 관리), for gate staff and admins. The usher first picks the round
/// being admitted (<c>?round=</c>, from the day's rounds); then a scanner (or the usher) types a ticket code
/// and Enter, and the answer is one of five big, unmistakable results — a ticket for another round names the
/// show and time it is for — with the session's latest scans listed underneath. The field is emptied and
/// focused again after every scan, ready for the next guest.
/// </summary>
public sealed partial class GateCheckInPage
{
    /// <summary>Scans kept on screen; older ones drop off.</summary>
    public const int HistorySize = 20;

    private readonly List<Scan> _history = [];
    private ElementReference _input;
    private string? _code;
    private Scan? _last;
    private bool _busy;
    private bool _refocus;
    private GateRound? _round;
    private bool _roundNotFound;
    private bool _notAllowed;
    private IReadOnlyList<GateRound> _rounds = [];
    private DateOnly _date;

    [Inject]
    private ICheckInService CheckIn { get; set; } = default!;

    [Inject]
    private IListGateRoundsHandler Rounds { get; set; } = default!;

    [Inject]
    private ICurrentGateStaff CurrentStaff { get; set; } = default!;

    /// <summary>The round this gate admits, from the address.</summary>
    [SupplyParameterFromQuery(Name = "round")]
    public long? RoundId { get; set; }

    protected override async Task OnParametersSetAsync()
    {
        _round = RoundId is { } id ? await Rounds.FindAsync(id, CancellationToken.None) : null;
        _roundNotFound = RoundId is not null && _round is null;
        if (_round is null)
        {
            _date = _date == default ? SeoulTime.DateOf(Clock.GetUtcNow()) : _date;
            _rounds = await Rounds.HandleAsync(_date, CancellationToken.None);
        }
        else
        {
            _refocus = true;
        }
    }

    private async Task ChangeDateAsync(ChangeEventArgs change)
    {
        if (DateOnly.TryParseExact(change.Value as string, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var date))
        {
            _date = date;
            _rounds = await Rounds.HandleAsync(_date, CancellationToken.None);
        }
    }

    [Inject]
    private TimeProvider Clock { get; set; } = default!;

    [Inject]
    private IStringLocalizer<ReservationResource> R { get; set; } = default!;

    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        if (_round is not null && (firstRender || _refocus))
        {
            _refocus = false;
            await _input.FocusAsync();
        }
    }

    private async Task ScanAsync()
    {
        var code = _code?.Trim();
        if (_busy || string.IsNullOrEmpty(code) || _round is null)
        {
            return;
        }

        _busy = true;
        try
        {
            // The role is re-read for every scan: a gate whose role was removed admits nobody more.
            AdminActor gate;
            try
            {
                gate = await CurrentStaff.GetAsync();
            }
            catch (UnauthorizedAccessException)
            {
                _notAllowed = true;
                return;
            }

            var result = await CheckIn.CheckInAsync(_round.Id, code, gate, CancellationToken.None);
            _last = new Scan(Clock.GetUtcNow(), result);
            _history.Insert(0, _last);
            if (_history.Count > HistorySize)
            {
                _history.RemoveAt(_history.Count - 1);
            }
        }
        finally
        {
            _busy = false;
            _code = null;
            _refocus = true;
        }
    }

    private static string Kind(CheckInResult result) => result.Outcome switch
    {
        CheckInOutcome.CheckedIn => "valid",
        CheckInOutcome.AlreadyUsed => "used",
        CheckInOutcome.Cancelled => "cancelled",
        CheckInOutcome.WrongRound => "cancelled",
        _ => "invalid",
    };

    private static string Icon(CheckInResult result) => result.Outcome switch
    {
        CheckInOutcome.CheckedIn => Icons.Material.Filled.CheckCircle,
        CheckInOutcome.AlreadyUsed => Icons.Material.Filled.History,
        CheckInOutcome.Cancelled => Icons.Material.Filled.DoNotDisturbOn,
        CheckInOutcome.WrongRound => Icons.Material.Filled.EventBusy,
        _ => Icons.Material.Filled.GppBad,
    };

    private string Headline(CheckInResult result) => R[$"CheckIn.Result.{result.Outcome}"];

    private string? Detail(CheckInResult result) => result.Outcome switch
    {
        CheckInOutcome.AlreadyUsed when result.CheckedInAt is { } at => R["CheckIn.UsedAt", DisplayFormat.SeoulDateTime(at)].Value,
        CheckInOutcome.WrongRound when result.RoundStartsAt is { } startsAt => R["CheckIn.WrongRoundDetail", result.PerformanceTitle ?? string.Empty, DisplayFormat.SeoulDateTime(startsAt)].Value,
        CheckInOutcome.Forged => R["CheckIn.ForgedDetail"].Value,
        CheckInOutcome.NotFound => R["CheckIn.NotFoundDetail"].Value,
        _ => null,
    };

    private sealed record Scan(DateTimeOffset At, CheckInResult Result);
}
