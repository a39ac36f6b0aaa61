using System.Security.Claims;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.Extensions.Localization;
using MudBlazor;
using TicketBlue.Infrastructure.Reservations;
using TicketBlue.Infrastructure.Notifications.InApp;
using TicketBlue.Web.Features.Reservations;
using TicketBlue.Web.Features.Reviews;
using TicketBlue.Web.Localization;

namespace TicketBlue.Web.Features.Reservations;

/// <summary>
/// <c>/reservations/{id}</c>: one of the signed-in customer's reservations with its mobile tickets and a
/// cancellation. Another customer's reservation is answered exactly like a missing one (404). While the
/// circuit shows the page, an in-app notice about this reservation (paid, cancelled, changed on another
/// page or by an admin) reloads it. Once the round has started, a card invites a review (or shows the
/// customer's own, and whether an admin hid it).
/// </summary>
public sealed partial class ReservationDetailPage : IDisposable
{
    private ReservationDetail? _reservation;
    private ReviewForm? _review;
    private string? _userId;
    private string? _message;
    private bool _missing;
    private long? _loadedId;
    private IDisposable? _notices;

    [Parameter]
    public long Id { get; set; }

    [CascadingParameter]
    private Task<AuthenticationState>? AuthenticationState { get; set; }

    [Inject]
    private IGetReservationDetailHandler GetReservation { get; set; } = default!;

    [Inject]
    private IGetReviewFormHandler GetReview { get; set; } = default!;

    [Inject]
    private IUserNoticeFeed Notices { get; set; } = default!;

    [Inject]
    private IDialogService Dialogs { get; set; } = default!;

    [Inject]
    private NavigationManager Navigation { get; set; } = default!;

    [Inject]
    private IStringLocalizer<ReservationResource> R { get; set; } = default!;

    [Inject]
    private IStringLocalizer<SharedResource> Shared { get; set; } = default!;

    public void Dispose() => _notices?.Dispose();

    protected override async Task OnParametersSetAsync()
    {
        if (_loadedId == Id)
        {
            return;
        }

        _loadedId = Id;
        _message = null;
        _userId ??= AuthenticationState is null ? null : (await AuthenticationState).User.FindFirstValue(ClaimTypes.NameIdentifier);
        if (_notices is null && _userId is not null && RendererInfo.IsInteractive)
        {
            _notices = Notices.Subscribe(_userId, OnNoticeAsync);
        }

        await LoadAsync();
    }

    private async Task LoadAsync()
    {
        _reservation = _userId is null ? null : await GetReservation.ForCustomerAsync(_userId, Id, CancellationToken.None);
        _missing = _reservation is null;
        if (_missing)
        {
            // Another customer's reservation gets the same answer as none at all.
            Navigation.NotFound();
            return;
        }

        _review = await GetReview.HandleAsync(_userId!, Id, CancellationToken.None);
    }

    private Task OnNoticeAsync(UserNotice notice) =>
        notice.ReservationId == Id
            ? InvokeAsync(async () =>
            {
                await LoadAsync();
                StateHasChanged();
            })
            : Task.CompletedTask;

    private async Task CancelAsync()
    {
        if (_reservation is not { } reservation || _userId is null)
        {
            return;
        }

        var parameters = new DialogParameters<CancelReservationDialog>
        {
            { dialog => dialog.Reservation, reservation },
            { dialog => dialog.UserId, _userId },
        };
        var dialog = await Dialogs.ShowAsync<CancelReservationDialog>(R["Cancel.Title"], parameters, new DialogOptions { MaxWidth = MaxWidth.Small, FullWidth = true });
        if (await dialog.Result is { Canceled: false, Data: CancellationOutcome outcome })
        {
            _message = outcome.ReservationCancelled
                ? R["Cancel.DoneWhole", DisplayFormat.Won(outcome.Refunded)]
                : R["Cancel.DonePartial", outcome.ReturnedRoundSeatIds.Count, DisplayFormat.Won(outcome.Refunded)];
            await LoadAsync();
        }
    }
}
