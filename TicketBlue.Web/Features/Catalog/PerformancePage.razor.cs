using Microsoft.AspNetCore.Components;
using TicketBlue.Domain.Rounds;
using TicketBlue.Web.Features.Catalog.Performances;
using TicketBlue.Web.Localization;
using TicketBlue.Web.PageCaching;

namespace TicketBlue.Web.Features.Catalog;

/// <summary>
/// <c>/performances/{id}</c>: a published show — poster, facts, price table, the rounds to come with
/// the seats left per grade, cast and reviews. Anything not published is a 404.
/// </summary>
public sealed partial class PerformancePage
{
    /// <summary>Rounds listed before "모든 회차 보기": a long run has over a hundred.</summary>
    public const int InitialRounds = 20;

    private bool _showAllRounds;

    [Inject]
    private IGetPerformanceDetailHandler GetPerformance { get; set; } = default!;

    [Inject]
    private PageFreshness Freshness { get; set; } = default!;

    protected override async Task<PerformanceDetail?> LoadAsync(long id, CancellationToken cancellationToken)
    {
        var detail = await GetPerformance.HandleAsync(id, cancellationToken);
        // While prerendering: how long this HTML may be shared with other anonymous visitors.
        Freshness.ExactUntil(detail?.FreshUntil);
        return detail;
    }

    protected override void OnModelLoaded(PerformanceDetail model) => _showAllRounds = false;

    private IEnumerable<RoundRow> VisibleRounds(PerformanceDetail show) =>
        _showAllRounds ? show.Rounds : show.Rounds.Take(InitialRounds);

    private void ToggleRounds() => _showAllRounds = !_showAllRounds;

    /// <summary>"150분 (인터미션 20분)", or "90분" without an intermission.</summary>
    private string RunningTime(PerformanceDetail show) =>
        show.IntermissionMinutes > 0
            ? L["Show.MinutesWithIntermission", show.RunningMinutes, show.IntermissionMinutes]
            : L["Show.Minutes", show.RunningMinutes];

    private string StateText(RoundRow round) => round.State switch
    {
        RoundSalesState.NotOpenYet => L["Rounds.OpensAt", DisplayFormat.SeoulDateTime(round.SalesOpenAt)],
        RoundSalesState.Closed => L["Rounds.Closed"],
        RoundSalesState.SoldOut => L["Rounds.SoldOut"],
        _ => L["Rounds.OnSale"],
    };
}
