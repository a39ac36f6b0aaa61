using System.Globalization;
using System.Security.Claims;
using System.Text.Json;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using TicketBlue.Infrastructure.WaitingRoom;
using TicketBlue.Web.Features.WaitingRoom;

namespace TicketBlue.Web.Features.WaitingRoom;

/// <summary>
/// <c>/rounds/{id}/queue</c>: the waiting page (대기열). Rendered once on the server, without a circuit;
/// opening it joins the line (or finds one's place again), and a small script asks
/// <c>/rounds/{id}/queue/status</c> for the position, less often the further back one is, and moves on
/// to the seat page when the customer is admitted (the admission cookie comes with that answer).
/// </summary>
public sealed partial class WaitingRoomPage
{
    private QueueRound? _round;
    private QueueStatus? _status;

    [Parameter]
    public long RoundId { get; set; }

    [CascadingParameter]
    private HttpContext HttpContext { get; set; } = default!;

    [Inject]
    private IWaitingRoom WaitingRoom { get; set; } = default!;

    [Inject]
    private IGetQueueRoundHandler GetRound { get; set; } = default!;

    [Inject]
    private IOptions<WaitingRoomOptions> Options { get; set; } = default!;

    [Inject]
    private NavigationManager Navigation { get; set; } = default!;

    [Inject]
    private IStringLocalizer<WaitingRoomResource> L { get; set; } = default!;

    private int GraceMinutes => (int)Math.Ceiling(Options.Value.Grace.TotalMinutes);

    /// <summary>The texts the script fills in, in the page's language.</summary>
    private string TextJson => JsonSerializer.Serialize(new Dictionary<string, string>
    {
        ["number"] = L["Value.Number"],
        ["position"] = L["Value.Position"],
        ["total"] = L["Value.Total"],
        ["preTotal"] = L["Value.PreTotal"],
        ["minutes"] = L["Value.Minutes"],
        ["underMinute"] = L["Value.UnderMinute"],
        ["unknown"] = L["Value.Unknown"],
        ["preQueue"] = L["Value.PreQueue"],
        ["admitted"] = L["Value.Admitted"],
    });

    protected override async Task OnInitializedAsync()
    {
        _round = await GetRound.HandleAsync(RoundId, HttpContext.RequestAborted);
        if (_round is null)
        {
            Navigation.NotFound();
            return;
        }

        var userId = HttpContext.User.FindFirstValue(ClaimTypes.NameIdentifier)!;
        _status = await WaitingRoom.JoinAsync(RoundId, userId, HttpContext.RequestAborted);
        if (!_status.Required)
        {
            Navigation.NavigateTo(QueueAdmission.SeatsUrl(RoundId));
        }
        else if (_status is { Admitted: true, Token: { } token, TokenExpiresAt: { } expires })
        {
            QueueAdmission.SetCookie(HttpContext, RoundId, token, expires);
            Navigation.NavigateTo(QueueAdmission.SeatsUrl(RoundId));
        }
    }

    private string NumberText(QueueStatus status) =>
        status.Standing.QueueNumber > 0 ? L["Value.Number", status.Standing.QueueNumber.ToString("N0", CultureInfo.CurrentCulture)] : L["Value.Unknown"];

    private string PositionText(QueueStatus status) => status.Standing.Kind switch
    {
        StandingKind.Waiting => L["Value.Position", status.Standing.Position.ToString("N0", CultureInfo.CurrentCulture)],
        StandingKind.PreQueue => L["Value.PreQueue"],
        StandingKind.Admitted => L["Value.Admitted"],
        _ => L["Value.Unknown"],
    };

    private string WaitText(QueueStatus status) => status.EstimatedWait switch
    {
        null => L["Value.Unknown"],
        { TotalMinutes: < 1 } => L["Value.UnderMinute"],
        { } wait => L["Value.Minutes", ((int)Math.Ceiling(wait.TotalMinutes)).ToString("N0", CultureInfo.CurrentCulture)],
    };

    private string TotalText(QueueStatus status) => status.Standing.Kind switch
    {
        StandingKind.Waiting => L["Value.Total", status.Standing.Total.ToString("N0", CultureInfo.CurrentCulture)],
        StandingKind.PreQueue => L["Value.PreTotal", status.Standing.Total.ToString("N0", CultureInfo.CurrentCulture)],
        _ => string.Empty,
    };
}
