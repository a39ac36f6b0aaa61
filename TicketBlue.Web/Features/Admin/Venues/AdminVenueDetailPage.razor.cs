using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Localization;
using MudBlazor;
using TicketBlue.Domain.Venues;
using TicketBlue.Web.Features.Admin.Venues;

namespace TicketBlue.Web.Features.Admin.Venues;

/// <summary>A venue and its seat layouts: open the editor, activate a draft, retire, copy into a new version.</summary>
public sealed partial class AdminVenueDetailPage
{
    private AdminVenueDetail? _venue;
    private bool _loading = true;
    private bool _busy;

    [Parameter]
    public long VenueId { get; set; }

    [Inject]
    private IGetAdminVenueDetailHandler GetVenueDetail { get; set; } = default!;

    [Inject]
    private IGetVenueForEditHandler GetVenueForEdit { get; set; } = default!;

    [Inject]
    private IActivateLayoutHandler ActivateLayout { get; set; } = default!;

    [Inject]
    private IRetireLayoutHandler RetireLayout { get; set; } = default!;

    [Inject]
    private ICreateLayoutVersionHandler CreateLayoutVersion { get; set; } = default!;

    [Inject]
    private IDialogService Dialogs { get; set; } = default!;

    [Inject]
    private ISnackbar Snackbar { get; set; } = default!;

    [Inject]
    private NavigationManager Navigation { get; set; } = default!;

    [Inject]
    private IStringLocalizer<AdminResource> Localizer { get; set; } = default!;

    [Inject]
    private IStringLocalizer<VenueAdminResource> VenueLocalizer { get; set; } = default!;

    protected override async Task OnParametersSetAsync()
    {
        _loading = true;
        await ReloadAsync();
        _loading = false;
    }

    private string EditorUrl(LayoutSummary layout) => $"/admin/venues/{VenueId}/layouts/{layout.Id}";

    private static Color StatusColour(SeatLayoutStatus status) => status switch
    {
        SeatLayoutStatus.Active => Color.Success,
        SeatLayoutStatus.Draft => Color.Info,
        _ => Color.Default,
    };

    private async Task ReloadAsync() => _venue = await GetVenueDetail.HandleAsync(VenueId, CancellationToken.None);

    private async Task EditAsync()
    {
        var command = await GetVenueForEdit.HandleAsync(VenueId, CancellationToken.None);
        if (command is null)
        {
            Snackbar.Add(Localizer["Common.NotFound"], Severity.Warning);
            return;
        }

        if (await VenueFormDialog.ShowAsync(Dialogs, command, VenueLocalizer["Venues.Edit"]))
        {
            Snackbar.Add(Localizer["Common.Saved"], Severity.Success);
            await ReloadAsync();
        }
    }

    private async Task ActivateAsync(LayoutSummary layout)
    {
        if (await ConfirmAsync("Layouts.ActivateTitle", VenueLocalizer["Layouts.ActivateBody", layout.Version, layout.Name, layout.SeatCount], "Layouts.Activate"))
        {
            await RunAsync(() => ActivateLayout.HandleAsync(VenueId, layout.Id, CancellationToken.None));
        }
    }

    private async Task RetireAsync(LayoutSummary layout)
    {
        if (await ConfirmAsync("Layouts.RetireTitle", VenueLocalizer["Layouts.RetireBody", layout.Version, layout.Name], "Layouts.Retire"))
        {
            await RunAsync(() => RetireLayout.HandleAsync(VenueId, layout.Id, CancellationToken.None));
        }
    }

    private async Task NewVersionAsync(LayoutSummary layout)
    {
        if (!await ConfirmAsync("Layouts.NewVersionTitle", VenueLocalizer["Layouts.NewVersionBody", layout.Version, layout.Name], "Layouts.NewVersion"))
        {
            return;
        }

        _busy = true;
        var result = await CreateLayoutVersion.HandleAsync(VenueId, layout.Id, CancellationToken.None);
        _busy = false;
        if (!result.Succeeded)
        {
            Snackbar.Add(result.Error!, Severity.Error);
            return;
        }

        Snackbar.Add(VenueLocalizer["Layouts.NewVersionCreated"], Severity.Success);
        Navigation.NavigateTo($"/admin/venues/{VenueId}/layouts/{result.Id}");
    }

    private async Task<bool> ConfirmAsync(string titleKey, string body, string yesKey) =>
        await Dialogs.ShowMessageBoxAsync(VenueLocalizer[titleKey], body, yesText: VenueLocalizer[yesKey], cancelText: Localizer["Common.Cancel"]) == true;

    private async Task RunAsync(Func<Task<Features.CommandResult>> command)
    {
        _busy = true;
        var result = await command();
        _busy = false;

        // A refusal is a sentence to read (which performance still plays on it), not a flash.
        Snackbar.Add(result.Succeeded ? Localizer["Common.Saved"] : result.Error!, result.Succeeded ? Severity.Success : Severity.Error, options => options.RequireInteraction = !result.Succeeded);
        await ReloadAsync();
    }
}
