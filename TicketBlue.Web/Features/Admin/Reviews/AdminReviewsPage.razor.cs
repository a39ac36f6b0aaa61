using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Localization;
using MudBlazor;
using TicketBlue.Web.Features.Reviews;
using TicketBlue.Web.Features.Admin.Reviews;

namespace TicketBlue.Web.Features.Admin.Reviews;

/// <summary>
/// <c>/admin/reviews</c>: every review newest first, hidden ones marked, searchable by words or show
/// (<c>?performanceId=</c> narrows to one show). An admin hides an abusive review after a confirmation,
/// or shows it again; the handler re-checks the role and writes the audit entry.
/// </summary>
public sealed partial class AdminReviewsPage
{
    private MudDataGrid<AdminReviewRow> _grid = default!;
    private string? _search;
    private bool _hiddenOnly;

    [SupplyParameterFromQuery(Name = "performanceId")]
    public long? PerformanceId { get; set; }

    [Inject]
    private IListReviewsHandler ListReviews { get; set; } = default!;

    [Inject]
    private ISetReviewHiddenHandler SetReviewHidden { get; set; } = default!;

    [Inject]
    private IDialogService Dialogs { get; set; } = default!;

    [Inject]
    private ISnackbar Snackbar { get; set; } = default!;

    [Inject]
    private IStringLocalizer<ReviewResource> T { get; set; } = default!;

    [Inject]
    private IStringLocalizer<AdminResource> A { get; set; } = default!;

    private async Task<GridData<AdminReviewRow>> LoadAsync(GridState<AdminReviewRow> state, CancellationToken cancellationToken)
    {
        var page = await ListReviews.HandleAsync(new AdminReviewFilter(_search, PerformanceId, _hiddenOnly), state.Page, state.PageSize, cancellationToken);
        return new GridData<AdminReviewRow> { Items = page.Items, TotalItems = page.TotalCount };
    }

    private async Task SearchAsync(string? search)
    {
        _search = search;
        await _grid.ReloadServerData();
    }

    private async Task HiddenOnlyAsync(bool hiddenOnly)
    {
        _hiddenOnly = hiddenOnly;
        await _grid.ReloadServerData();
    }

    private async Task SetHiddenAsync(AdminReviewRow row, bool hidden)
    {
        if (hidden)
        {
            var confirmed = await Dialogs.ShowMessageBoxAsync(T["Admin.HideTitle"], T["Admin.HideBody"], yesText: T["Admin.Hide"], cancelText: T["Admin.Cancel"]);
            if (confirmed != true)
            {
                return;
            }
        }

        var result = await SetReviewHidden.HandleAsync(row.Id, hidden, CancellationToken.None);
        Snackbar.Add(
            result.Succeeded ? T[hidden ? "Admin.HiddenDone" : "Admin.ShownDone"] : ReviewErrorText.For(result.Code),
            result.Succeeded ? Severity.Success : Severity.Error);
        await _grid.ReloadServerData();
    }
}
