using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Localization;
using MudBlazor;
using TicketBlue.Web.Features;
using TicketBlue.Web.Features.Admin.Venues;

namespace TicketBlue.Web.Features.Admin.Venues;

public sealed partial class AdminVenuesPage
{
    private MudDataGrid<VenueRow> _grid = default!;
    private string? _search;
    private bool _includeArchived;

    [Inject]
    private IListAdminVenuesHandler ListVenues { get; set; } = default!;

    [Inject]
    private IGetVenueForEditHandler GetVenueForEdit { get; set; } = default!;

    [Inject]
    private ISetVenueArchivedHandler SetVenueArchived { get; set; } = default!;

    [Inject]
    private IDialogService Dialogs { get; set; } = default!;

    [Inject]
    private ISnackbar Snackbar { get; set; } = default!;

    [Inject]
    private IStringLocalizer<AdminResource> Localizer { get; set; } = default!;

    [Inject]
    private IStringLocalizer<VenueAdminResource> VenueLocalizer { get; set; } = default!;

    private async Task<GridData<VenueRow>> LoadAsync(GridState<VenueRow> state, CancellationToken cancellationToken)
    {
        var sort = state.SortDefinitions.FirstOrDefault();
        var page = await ListVenues.HandleAsync(new PageRequest(state.Page, state.PageSize, sort?.SortBy, sort?.Descending ?? false, _search), _includeArchived, cancellationToken);
        return new GridData<VenueRow> { Items = page.Items, TotalItems = page.TotalCount };
    }

    private async Task SearchAsync(string? search)
    {
        _search = search;
        await _grid.ReloadServerData();
    }

    private async Task IncludeArchivedAsync(bool include)
    {
        _includeArchived = include;
        await _grid.ReloadServerData();
    }

    private Task CreateAsync() => OpenFormAsync(new SaveVenueCommand(), VenueLocalizer["Venues.New"]);

    private async Task EditAsync(VenueRow row)
    {
        var command = await GetVenueForEdit.HandleAsync(row.Id, CancellationToken.None);
        if (command is null)
        {
            Snackbar.Add(Localizer["Common.NotFound"], Severity.Warning);
            await _grid.ReloadServerData();
            return;
        }

        await OpenFormAsync(command, VenueLocalizer["Venues.Edit"]);
    }

    private async Task OpenFormAsync(SaveVenueCommand command, string title)
    {
        if (await VenueFormDialog.ShowAsync(Dialogs, command, title))
        {
            Snackbar.Add(Localizer["Common.Saved"], Severity.Success);
            await _grid.ReloadServerData();
        }
    }

    private async Task SetArchivedAsync(VenueRow row, bool archived)
    {
        var confirmed = await Dialogs.ShowMessageBoxAsync(
            VenueLocalizer[archived ? "Venues.ArchiveTitle" : "Venues.RestoreTitle"],
            VenueLocalizer[archived ? "Venues.ArchiveBody" : "Venues.RestoreBody", row.Name],
            yesText: Localizer[archived ? "Common.Archive" : "Common.Restore"],
            cancelText: Localizer["Common.Cancel"]);
        if (confirmed != true)
        {
            return;
        }

        var result = await SetVenueArchived.HandleAsync(row.Id, archived, CancellationToken.None);
        Snackbar.Add(result.Succeeded ? Localizer["Common.Saved"] : result.Error!, result.Succeeded ? Severity.Success : Severity.Error);
        await _grid.ReloadServerData();
    }
}
