using FluentValidation;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Routing;
using Microsoft.Extensions.Localization;
using MudBlazor;
using Severity = MudBlazor.Severity;
using TicketBlue.Domain.Venues;
using TicketBlue.Web.Features.Admin.Venues;
using TicketBlue.Web.Features;

namespace TicketBlue.Web.Features.Admin.Venues;

/// <summary>
/// The seat-layout editor. A draft is built from generated sections with a live preview of exactly
/// what saving stores (the same <see cref="SectionGenerator"/> and <see cref="LayoutComposer"/> run in
/// the save handler). An active layout is frozen; only blocking seats is offered, through a compact
/// section → row → numbers selector or by clicking seats on the map.
/// </summary>
public sealed partial class AdminLayoutEditorPage
{
    private LayoutEditorView? _view;
    private bool _loading = true;
    private bool _busy;
    private string? _error;
    private LayoutMapModel _map = LayoutMapModel.Empty;

    // Draft editing: the sections as they will be saved, and the generator form's spec.
    private string _name = string.Empty;
    private List<SectionBlock> _blocks = [];
    private SectionSpec _spec = new();
    private bool _candidateShown;
    private IReadOnlyList<string> _specErrors = [];
    private bool _dirty;

    // Blocking on an active layout.
    private long? _blockSectionId;
    private string _blockRow = string.Empty;
    private string? _blockNumbers;
    private SeatSelectionResult? _selection;

    [Parameter]
    public long VenueId { get; set; }

    [Parameter]
    public long? LayoutId { get; set; }

    [Inject]
    private IGetLayoutEditorHandler GetLayoutEditor { get; set; } = default!;

    [Inject]
    private ISaveLayoutDraftHandler SaveLayoutDraft { get; set; } = default!;

    [Inject]
    private IActivateLayoutHandler ActivateLayout { get; set; } = default!;

    [Inject]
    private ICreateLayoutVersionHandler CreateLayoutVersion { get; set; } = default!;

    [Inject]
    private ISetSeatsBlockedHandler SetSeatsBlocked { get; set; } = default!;

    [Inject]
    private IValidator<SectionSpec> SpecValidator { get; set; } = default!;

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

    private bool IsDraft => _view?.Status == SeatLayoutStatus.Draft;

    private EditorSection? SelectedSection => _view?.Sections.FirstOrDefault(section => section.Id == _blockSectionId);

    private IReadOnlyCollection<long>? SelectedSeatIds => _selection is { IsValid: true } selection ? selection.SeatIds : null;

    private int BlockedInSelection
    {
        get
        {
            var ids = SelectedSeatIds?.ToHashSet() ?? [];
            return SelectedSection?.Seats.Count(seat => seat.IsBlocked && ids.Contains(seat.Id)) ?? 0;
        }
    }

    protected override async Task OnParametersSetAsync()
    {
        _loading = true;
        _error = null;
        await LoadAsync();
        _loading = false;
    }

    private async Task LoadAsync()
    {
        _view = await GetLayoutEditor.HandleAsync(VenueId, LayoutId, CancellationToken.None);
        if (_view is null)
        {
            return;
        }

        _dirty = false;
        if (IsDraft)
        {
            _name = _view.Name;
            _blocks = _view.Sections.Select(section => section.ToBlock()).ToList();
            _spec = NextSpec();
            Recompose();
        }
        else
        {
            _map = LayoutMapModel.From(_view);
            _selection = _blockSectionId is null ? null : SeatSelection.Resolve(_view, _blockSectionId, _blockRow, _blockNumbers);
        }
    }

    /// <summary>Redraws the preview: saved sections plus the form's section while it is valid.</summary>
    private void Recompose()
    {
        var validation = SpecValidator.Validate(_spec);
        var errors = validation.Errors
            .Where(error => error.PropertyName.StartsWith(nameof(SectionSpec.GradeBlocks), StringComparison.Ordinal))
            .Select(error => error.ErrorMessage)
            .ToList();
        var name = _spec.Name.Trim();
        if (_blocks.Any(block => block.Name == name && block.Floor == _spec.Floor))
        {
            errors.Add(VenueLocalizer["Validation.DuplicateSection", _spec.Floor, name]);
        }

        _specErrors = errors.Distinct().ToList();
        _candidateShown = validation.IsValid && errors.Count == 0;
        var blocks = _candidateShown ? [.. _blocks, SectionGenerator.Generate(_spec)] : _blocks;
        _map = LayoutMapModel.From(LayoutComposer.Compose(blocks), _candidateShown ? blocks.Count - 1 : null);
    }

    /// <summary>The next section starts as a copy of the last one with the next free letter: halls repeat their blocks.</summary>
    private SectionSpec NextSpec()
    {
        var next = _blocks.LastOrDefault(block => block.Spec is not null)?.Spec?.Clone()
            ?? new SectionSpec { GradeBlocks = [new GradeBlockSpec { Grade = "VIP", FromRow = 1, ToRow = 3 }], DefaultGrade = "R" };
        next.Floor = _blocks.Count > 0 ? _blocks[^1].Floor : next.Floor;
        next.Name = Enumerable.Range(1, 26).Select(SeatListParser.LetterLabel)
            .FirstOrDefault(letter => !_blocks.Any(block => block.Name == letter && block.Floor == next.Floor)) ?? string.Empty;
        return next;
    }

    private void AddSection(SectionSpec spec)
    {
        _blocks.Add(SectionGenerator.Generate(spec));
        _dirty = true;
        _spec = NextSpec();
        Recompose();
    }

    private void RemoveSection(int index)
    {
        _blocks.RemoveAt(index);
        _dirty = true;
        Recompose();
    }

    private void Rename(string name)
    {
        _name = name;
        _dirty = true;
    }

    private static string GradeSummary(SectionBlock block) =>
        string.Join(", ", block.GradeCounts().OrderByGrade(pair => pair.Key).Select(pair => $"{pair.Key} {pair.Value}"));

    private async Task SaveAsync()
    {
        _busy = true;
        _error = null;
        var result = await SaveLayoutDraft.HandleAsync(
            new SaveLayoutDraftCommand { VenueId = VenueId, LayoutId = _view!.LayoutId, Name = _name, Sections = _blocks.ToList() },
            CancellationToken.None);
        _busy = false;
        if (!result.Succeeded)
        {
            _error = result.Error;
            return;
        }

        // A saved draft is a new row (see SaveLayoutDraftHandler), so the address changes with it.
        _dirty = false;
        Snackbar.Add(Localizer["Common.Saved"], Severity.Success);
        Navigation.NavigateTo($"/admin/venues/{VenueId}/layouts/{result.Id}", replace: true);
    }

    private async Task ActivateAsync()
    {
        var confirmed = await Dialogs.ShowMessageBoxAsync(
            VenueLocalizer["Layouts.ActivateTitle"],
            VenueLocalizer["Layouts.ActivateBody", _view!.Version, _view.Name, _view.SeatCount],
            yesText: VenueLocalizer["Layouts.Activate"],
            cancelText: Localizer["Common.Cancel"]);
        if (confirmed == true)
        {
            await RunAsync(() => ActivateLayout.HandleAsync(VenueId, _view.LayoutId!.Value, CancellationToken.None), Localizer["Common.Saved"]);
        }
    }

    private async Task NewVersionAsync()
    {
        var confirmed = await Dialogs.ShowMessageBoxAsync(
            VenueLocalizer["Layouts.NewVersionTitle"],
            VenueLocalizer["Layouts.NewVersionBody", _view!.Version, _view.Name],
            yesText: VenueLocalizer["Layouts.NewVersion"],
            cancelText: Localizer["Common.Cancel"]);
        if (confirmed != true)
        {
            return;
        }

        _busy = true;
        var result = await CreateLayoutVersion.HandleAsync(VenueId, _view.LayoutId!.Value, CancellationToken.None);
        _busy = false;
        if (!result.Succeeded)
        {
            _error = result.Error;
            return;
        }

        Snackbar.Add(VenueLocalizer["Layouts.NewVersionCreated"], Severity.Success);
        Navigation.NavigateTo($"/admin/venues/{VenueId}/layouts/{result.Id}");
    }

    private Task SelectSectionAsync(long? sectionId)
    {
        _blockSectionId = sectionId;
        _blockRow = string.Empty;
        _blockNumbers = null;
        return ResolveSelectionAsync();
    }

    private Task SelectRowAsync(string row)
    {
        _blockRow = row ?? string.Empty;
        return ResolveSelectionAsync();
    }

    private Task SetNumbersAsync(string? numbers)
    {
        _blockNumbers = numbers;
        return ResolveSelectionAsync();
    }

    private Task ResolveSelectionAsync()
    {
        _selection = _view is null ? null : SeatSelection.Resolve(_view, _blockSectionId, _blockRow, _blockNumbers);
        return Task.CompletedTask;
    }

    /// <summary>
    /// A click on the map fills the selector: the seat's section and row, and its number added to (or,
    /// clicked again, taken out of) the numbers. A click in another row starts a new selection there.
    /// </summary>
    private Task PickSeatAsync(long seatId)
    {
        var section = _view?.Sections.FirstOrDefault(candidate => candidate.Seats.Any(seat => seat.Id == seatId));
        var seat = section?.Seats.First(candidate => candidate.Id == seatId);
        if (section is null || seat is null)
        {
            return Task.CompletedTask;
        }

        var sameRow = _blockSectionId == section.Id && _blockRow == seat.Row;
        if (!sameRow || !SeatListParser.TryParseNumbers(_blockNumbers, out var numbers))
        {
            numbers = [];
        }

        if (!numbers.Remove(seat.Number))
        {
            numbers.Add(seat.Number);
        }

        _blockSectionId = section.Id;
        _blockRow = seat.Row;
        _blockNumbers = SeatListParser.FormatNumbers(numbers);
        return numbers.Count == 0 ? SelectSectionAsync(null) : ResolveSelectionAsync();
    }

    private async Task SetBlockedAsync(bool blocked)
    {
        if (_selection is not { IsValid: true } selection)
        {
            return;
        }

        var count = selection.SeatIds.Count;
        await RunAsync(
            () => SetSeatsBlocked.HandleAsync(new SetSeatsBlockedCommand(VenueId, _view!.LayoutId!.Value, selection.SeatIds, blocked), CancellationToken.None),
            VenueLocalizer[blocked ? "Block.Blocked" : "Block.Unblocked", count]);
    }

    private async Task RunAsync(Func<Task<CommandResult>> command, string success)
    {
        _busy = true;
        _error = null;
        var result = await command();
        _busy = false;
        if (!result.Succeeded)
        {
            _error = result.Error;
            return;
        }

        Snackbar.Add(success, Severity.Success);
        await LoadAsync();
    }

    private async Task ConfirmLeaveAsync(LocationChangingContext context)
    {
        if (!_dirty)
        {
            return;
        }

        var leave = await Dialogs.ShowMessageBoxAsync(
            VenueLocalizer["Editor.LeaveTitle"],
            VenueLocalizer["Editor.LeaveBody"],
            yesText: VenueLocalizer["Editor.Leave"],
            cancelText: Localizer["Common.Cancel"]);
        if (leave != true)
        {
            context.PreventNavigation();
        }
    }
}
