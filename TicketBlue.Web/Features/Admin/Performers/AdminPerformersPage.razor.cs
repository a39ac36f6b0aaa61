using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Localization;
using MudBlazor;
using TicketBlue.Web.Features;
using TicketBlue.Web.Features.Admin.Performers;

namespace TicketBlue.Web.Features.Admin.Performers;

public sealed partial class AdminPerformersPage
{
    private MudDataGrid<PerformerRow> _grid = default!;
    private string? _search;
    private bool _includeArchived;

    [Inject]
    private IListAdminPerformersHandler ListPerformers { get; set; } = default!;

    [Inject]
    private IGetPerformerForEditHandler GetPerformerForEdit { get; set; } = default!;

    [Inject]
    private ISetPerformerArchivedHandler SetPerformerArchived { get; set; } = default!;

    [Inject]
    private IUploadPerformerPhotoHandler UploadPerformerPhoto { get; set; } = default!;

    [Inject]
    private IDialogService Dialogs { get; set; } = default!;

    [Inject]
    private ISnackbar Snackbar { get; set; } = default!;

    [Inject]
    private IStringLocalizer<AdminResource> Localizer { get; set; } = default!;

    private async Task<GridData<PerformerRow>> LoadAsync(GridState<PerformerRow> state, CancellationToken cancellationToken)
    {
        var sort = state.SortDefinitions.FirstOrDefault();
        var page = await ListPerformers.HandleAsync(new PageRequest(state.Page, state.PageSize, sort?.SortBy, sort?.Descending ?? false, _search), _includeArchived, cancellationToken);
        return new GridData<PerformerRow> { Items = page.Items, TotalItems = page.TotalCount };
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

    private Task CreateAsync() => OpenFormAsync(new SavePerformerCommand(), Localizer["Performers.New"]);

    private async Task EditAsync(PerformerRow row)
    {
        var command = await GetPerformerForEdit.HandleAsync(row.Id, CancellationToken.None);
        if (command is null)
        {
            Snackbar.Add(Localizer["Common.NotFound"], Severity.Warning);
            await _grid.ReloadServerData();
            return;
        }

        await OpenFormAsync(command, Localizer["Performers.Edit"]);
    }

    private async Task OpenFormAsync(SavePerformerCommand command, string title)
    {
        var parameters = new DialogParameters<PerformerFormDialog> { { dialog => dialog.Command, command } };
        var dialog = await Dialogs.ShowAsync<PerformerFormDialog>(title, parameters, new DialogOptions { MaxWidth = MaxWidth.Small, FullWidth = true, CloseOnEscapeKey = true });
        var result = await dialog.Result;
        if (result is { Canceled: false })
        {
            Snackbar.Add(Localizer["Common.Saved"], Severity.Success);
            await _grid.ReloadServerData();
        }
    }

    private async Task UploadPhotoAsync(PerformerRow row, Microsoft.AspNetCore.Components.Forms.InputFileChangeEventArgs args)
    {
        try
        {
            await using var stream = args.File.OpenReadStream(TicketBlue.Domain.Files.ImageUpload.MaxBytes + 1);
            var result = await UploadPerformerPhoto.HandleAsync(row.Id, stream, args.File.ContentType, args.File.Size, CancellationToken.None);
            Snackbar.Add(result.Succeeded ? Localizer["Performers.PhotoSaved"] : result.Error!, result.Succeeded ? Severity.Success : Severity.Error);
        }
        catch (IOException)
        {
            // The browser stream refuses a file over the limit before reading it.
            Snackbar.Add(Localizer["Performances.PosterTooLarge"], Severity.Error);
        }

        await _grid.ReloadServerData();
    }

    private async Task SetArchivedAsync(PerformerRow row, bool archived)
    {
        var confirmed = await Dialogs.ShowMessageBoxAsync(
            Localizer[archived ? "Performers.ArchiveTitle" : "Performers.RestoreTitle"],
            Localizer[archived ? "Performers.ArchiveBody" : "Performers.RestoreBody", row.Name],
            yesText: Localizer[archived ? "Common.Archive" : "Common.Restore"],
            cancelText: Localizer["Common.Cancel"]);
        if (confirmed != true)
        {
            return;
        }

        var result = await SetPerformerArchived.HandleAsync(row.Id, archived, CancellationToken.None);
        Snackbar.Add(result.Succeeded ? Localizer["Common.Saved"] : result.Error!, result.Succeeded ? Severity.Success : Severity.Error);
        await _grid.ReloadServerData();
    }
}
