using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Localization;
using MudBlazor;
using TicketBlue.Infrastructure.Tickets;
using TicketBlue.Web.Localization;

namespace TicketBlue.Web.Components.Pages.Admin.CheckIn;

/// <summary>
/// <c>/admin/check-in</c>: the gate. A scanner (or an usher) types a ticket code and Enter; the answer is
/// one of four big, unmistakable results, and the session's latest scans stay listed underneath. The
/// field is emptied and focused again after every scan, ready for the next guest.
/// </summary>
public sealed partial class AdminCheckInPage
{
    /// <summary>Scans kept on screen; older ones drop off.</summary>
    public const int HistorySize = 20;

    private readonly List<Scan> _history = [];
    private ElementReference _input;
    private string? _code;
    private Scan? _last;
    private bool _busy;
    private bool _refocus;

    [Inject]
    private ICheckInService CheckIn { get; set; } = default!;

    [Inject]
    private TimeProvider Clock { get; set; } = default!;

    [Inject]
    private IStringLocalizer<ReservationResource> R { get; set; } = default!;

    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        if (firstRender || _refocus)
        {
            _refocus = false;
            await _input.FocusAsync();
        }
    }

    private async Task ScanAsync()
    {
        var code = _code?.Trim();
        if (_busy || string.IsNullOrEmpty(code))
        {
            return;
        }

        _busy = true;
        try
        {
            var result = await CheckIn.CheckInAsync(code, CancellationToken.None);
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
        _ => "invalid",
    };

    private static string Icon(CheckInResult result) => result.Outcome switch
    {
        CheckInOutcome.CheckedIn => Icons.Material.Filled.CheckCircle,
        CheckInOutcome.AlreadyUsed => Icons.Material.Filled.History,
        CheckInOutcome.Cancelled => Icons.Material.Filled.DoNotDisturbOn,
        _ => Icons.Material.Filled.GppBad,
    };

    private string Headline(CheckInResult result) => R[$"CheckIn.Result.{result.Outcome}"];

    private string? Detail(CheckInResult result) => result.Outcome switch
    {
        CheckInOutcome.AlreadyUsed when result.CheckedInAt is { } at => R["CheckIn.UsedAt", DisplayFormat.SeoulDateTime(at)].Value,
        CheckInOutcome.Forged => R["CheckIn.ForgedDetail"].Value,
        CheckInOutcome.NotFound => R["CheckIn.NotFoundDetail"].Value,
        _ => null,
    };

    private sealed record Scan(DateTimeOffset At, CheckInResult Result);
}
