using System.Security.Claims;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.Extensions.Localization;
using MudBlazor;
using TicketBlue.Domain.Reviews;
using TicketBlue.Web.Features.Reviews;

namespace TicketBlue.Web.Features.Reviews;

/// <summary>
/// <c>/reservations/{id}/review</c>: the customer writes, edits or deletes the review of one of their
/// reservations, once its round has started (the review invitation e-mail links here). Another
/// customer's reservation is answered like a missing one (404); before the show, or for an unpaid or
/// cancelled booking, the page says why there is no form. A review an admin hid is shown with that
/// notice and can only be deleted. Refusals are shown by code in the reader's language.
/// </summary>
public sealed partial class ReviewPage
{
    private ReviewForm? _form;
    private string? _userId;
    private int _rating;
    private string? _content;
    private string? _message;
    private string? _error;
    private bool _missing;
    private bool _busy;
    private long? _loadedId;

    [Parameter]
    public long ReservationId { get; set; }

    [CascadingParameter]
    private Task<AuthenticationState>? AuthenticationState { get; set; }

    [Inject]
    private IGetReviewFormHandler GetForm { get; set; } = default!;

    [Inject]
    private ISaveReviewHandler SaveReview { get; set; } = default!;

    [Inject]
    private IDeleteReviewHandler DeleteReview { get; set; } = default!;

    [Inject]
    private IDialogService Dialogs { get; set; } = default!;

    [Inject]
    private NavigationManager Navigation { get; set; } = default!;

    [Inject]
    private IStringLocalizer<ReviewResource> T { get; set; } = default!;

    [Inject]
    private IStringLocalizer<SharedResource> Shared { get; set; } = default!;

    /// <summary>An admin hid the review: it can be deleted, not changed.</summary>
    private bool IsLocked => _form?.Review is { IsHidden: true };

    protected override async Task OnParametersSetAsync()
    {
        if (_loadedId == ReservationId)
        {
            return;
        }

        _loadedId = ReservationId;
        _message = null;
        _error = null;
        _userId ??= AuthenticationState is null ? null : (await AuthenticationState).User.FindFirstValue(ClaimTypes.NameIdentifier);
        await LoadAsync();
    }

    private async Task LoadAsync()
    {
        _form = _userId is null ? null : await GetForm.HandleAsync(_userId, ReservationId, CancellationToken.None);
        _missing = _form is null;
        if (_missing)
        {
            // Another customer's reservation gets the same answer as none at all.
            Navigation.NotFound();
            return;
        }

        _rating = _form!.Review?.Rating ?? 0;
        _content = _form.Review?.Content;
    }

    private async Task SaveAsync()
    {
        if (_busy || _userId is null || _form is null || IsLocked)
        {
            return;
        }

        _message = null;
        _error = null;
        if (_rating is < Review.MinRating or > Review.MaxRating)
        {
            _error = T["Form.RatingRequired"];
            return;
        }

        _busy = true;
        try
        {
            var wasNew = _form.Review is null;
            var result = await SaveReview.HandleAsync(_userId, new SaveReviewCommand(ReservationId, _rating, _content ?? string.Empty), CancellationToken.None);
            if (result.Succeeded)
            {
                await LoadAsync();
                _message = wasNew ? T["Form.Saved"] : T["Form.Updated"];
                return;
            }

            _error = ReviewErrorText.For(result.Code);
            if (result.Code == ReviewCodes.AlreadyWritten)
            {
                // Written meanwhile from another window: show that one, to edit.
                await LoadAsync();
            }
        }
        finally
        {
            _busy = false;
        }
    }

    private async Task DeleteAsync()
    {
        if (_busy || _userId is null || _form?.Review is null)
        {
            return;
        }

        _message = null;
        _error = null;
        var confirmed = await Dialogs.ShowMessageBoxAsync(T["Delete.Title"], T["Delete.Body"], yesText: T["Delete.Confirm"], cancelText: T["Delete.Cancel"]);
        if (confirmed != true)
        {
            return;
        }

        _busy = true;
        try
        {
            var result = await DeleteReview.HandleAsync(_userId, ReservationId, CancellationToken.None);
            await LoadAsync();
            if (result.Succeeded)
            {
                _message = T["Form.Deleted"];
            }
            else
            {
                _error = ReviewErrorText.For(result.Code);
            }
        }
        finally
        {
            _busy = false;
        }
    }
}
