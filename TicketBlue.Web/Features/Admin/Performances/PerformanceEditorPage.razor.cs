using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Localization;
using MudBlazor;
using TicketBlue.Web.Features.Admin.Performances;

namespace TicketBlue.Web.Features.Admin.Performances;

public sealed partial class PerformanceEditorPage
{
    private MudForm _form = default!;
    private SavePerformanceCommand _command = new();
    private PerformanceEditView? _view;
    private IReadOnlyList<VenueChoice> _venues = [];
    private List<BreadcrumbItem> _breadcrumbs = [];
    private PerformerChoice? _performerToAdd;
    private string? _roleToAdd;
    private bool _loading = true;
    private bool _notFound;
    private bool _saving;
    private string? _error;

    /// <summary>The performance being edited; null on the "new" route.</summary>
    [Parameter]
    public long? Id { get; set; }

    [Inject]
    private IGetPerformanceForEditHandler GetPerformance { get; set; } = default!;

    [Inject]
    private IGetPerformanceChoicesHandler Choices { get; set; } = default!;

    [Inject]
    private ISavePerformanceHandler SavePerformance { get; set; } = default!;

    [Inject]
    private ISetPerformanceStatusHandler SetStatus { get; set; } = default!;

    [Inject]
    private NavigationManager Navigation { get; set; } = default!;

    [Inject]
    private ISnackbar Snackbar { get; set; } = default!;

    [Inject]
    private IDialogService Dialogs { get; set; } = default!;

    [Inject]
    private IStringLocalizer<AdminResource> Localizer { get; set; } = default!;

    private bool _parametersSeen;

    private long? _loadedId;

    private bool IsNew => Id is null;

    private VenueChoice? SelectedVenue => _venues.FirstOrDefault(venue => venue.Id == _command.VenueId);

    protected override async Task OnParametersSetAsync()
    {
        // Parameters are set again without the address changing (the router after a save's
        // navigation, a cascading value): keep the form as it is — reloading would throw away what
        // the admin is typing and the file input of an upload in progress.
        if (_parametersSeen && Id == _loadedId)
        {
            return;
        }

        _parametersSeen = true;
        _loadedId = Id;
        _loading = true;
        _error = null;
        _breadcrumbs = [new(Localizer["Performances.Title"], "/admin/performances")];
        if (IsNew)
        {
            _view = null;
            _command = new SavePerformanceCommand();
            _venues = await Choices.VenuesAsync(CancellationToken.None);
        }
        else
        {
            await ReloadAsync();
        }

        _loading = false;
    }

    private async Task ReloadAsync()
    {
        _view = await GetPerformance.HandleAsync(Id!.Value, CancellationToken.None);
        _notFound = _view is null;
        if (_view is not null)
        {
            _command = _view.Command;
        }
    }

    private void SelectVenue(long? venueId)
    {
        _command.VenueId = venueId;
        var layouts = SelectedVenue?.Layouts ?? [];
        SelectLayout(layouts.Count == 1 ? layouts[0].Id : null);
    }

    private void SelectLayout(long? layoutId)
    {
        _command.SeatLayoutId = layoutId;
        var layout = SelectedVenue?.Layouts.FirstOrDefault(candidate => candidate.Id == layoutId);
        _command.Prices = layout?.Grades.Select(grade => new GradePriceInput { Grade = grade.Grade, SeatCount = grade.Seats }).ToList() ?? [];
    }

    private async Task<IEnumerable<PerformerChoice>> SearchPerformersAsync(string? term, CancellationToken cancellationToken) =>
        await Choices.PerformersAsync(term, cancellationToken);

    private void AddCastMember()
    {
        if (_performerToAdd is null || string.IsNullOrWhiteSpace(_roleToAdd))
        {
            return;
        }

        _command.Cast.Add(new CastInput { PerformerId = _performerToAdd.Id, PerformerName = _performerToAdd.Name, Role = _roleToAdd.Trim() });
        _performerToAdd = null;
        _roleToAdd = null;
    }

    private void MoveCast(CastInput member, int offset)
    {
        var index = _command.Cast.IndexOf(member);
        var target = index + offset;
        if (target < 0 || target >= _command.Cast.Count)
        {
            return;
        }

        _command.Cast.RemoveAt(index);
        _command.Cast.Insert(target, member);
    }

    private async Task SaveAsync()
    {
        await _form.ValidateAsync();
        if (!_form.IsValid)
        {
            return;
        }

        _saving = true;
        var result = await SavePerformance.HandleAsync(_command, CancellationToken.None);
        _saving = false;
        if (!result.Succeeded)
        {
            _error = result.Error;
            return;
        }

        _error = null;
        Snackbar.Add(Localizer["Common.Saved"], Severity.Success);
        if (IsNew)
        {
            Navigation.NavigateTo($"/admin/performances/{result.Id}");
            return;
        }

        await ReloadAsync();
    }

    private async Task ChangeStatusAsync(PerformanceStatusChange change)
    {
        var confirmed = await Dialogs.ShowMessageBoxAsync(
            Localizer[$"Performances.{change}Title"],
            Localizer[$"Performances.{change}Body"],
            yesText: Localizer[$"Performances.{change}"],
            cancelText: Localizer["Common.Cancel"]);
        if (confirmed != true)
        {
            return;
        }

        var result = await SetStatus.HandleAsync(Id!.Value, change, CancellationToken.None);
        Snackbar.Add(result.Succeeded ? Localizer["Common.Saved"] : result.Error!, result.Succeeded ? Severity.Success : Severity.Error);
        await ReloadAsync();
    }
}
