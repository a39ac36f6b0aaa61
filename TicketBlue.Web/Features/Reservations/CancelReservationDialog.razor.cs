using Microsoft.AspNetCore.Components;
using MudBlazor;
using TicketBlue.Domain.Common;
using TicketBlue.Infrastructure.Reservations;
using TicketBlue.Infrastructure.Localization;
using TicketBlue.Web.Features.Reservations;

namespace TicketBlue.Web.Features.Reservations;

/// <summary>
/// The customer's cancellation: pick seats (all by default) and a reason, see the refund quote — lines,
/// fee, refund, the fee rule and the cut-off — and only then confirm. Changing the seats drops the
/// quote, so what is confirmed is always what was quoted. Closes with the <see cref="CancellationOutcome"/>
/// on success; a refusal stays in the dialog in Korean.
/// </summary>
public sealed partial class CancelReservationDialog
{
    private readonly HashSet<long> _chosen = [];
    private HashSet<long>? _quotedSeats;
    private RefundQuote? _quote;
    private string? _reason;
    private string? _failure;
    private bool _busy;

    [CascadingParameter]
    private IMudDialogInstance Dialog { get; set; } = default!;

    [Inject]
    private IReservationCancellationService Cancellations { get; set; } = default!;

    /// <summary>The reservation being cancelled, as its page shows it.</summary>
    [Parameter, EditorRequired]
    public ReservationDetail Reservation { get; set; } = default!;

    /// <summary>The signed-in owner.</summary>
    [Parameter, EditorRequired]
    public string UserId { get; set; } = string.Empty;

    private IEnumerable<ReservationSeatLine> CancellableSeats =>
        Reservation.Seats.Where(seat => seat.IsActive && seat.CheckedInAt is null);

    private bool CanConfirm =>
        !_busy && _quote is { Allowed: true } && _quotedSeats is not null && _quotedSeats.SetEquals(_chosen) && !string.IsNullOrWhiteSpace(_reason);

    /// <summary>
    /// Null when every active seat is chosen — the contract's "the whole reservation" — otherwise the chosen seats.
    /// </summary>
    private IReadOnlyCollection<long>? ChosenForService =>
        Reservation.Seats.Where(seat => seat.IsActive).All(seat => _chosen.Contains(seat.RoundSeatId)) ? null : _chosen.Order().ToList();

    protected override void OnInitialized()
    {
        foreach (var seat in CancellableSeats)
        {
            _chosen.Add(seat.RoundSeatId);
        }
    }

    private void Choose(long roundSeatId, bool chosen)
    {
        if (chosen)
        {
            _chosen.Add(roundSeatId);
        }
        else
        {
            _chosen.Remove(roundSeatId);
        }

        // The quote was for other seats: ask again before confirming.
        _quote = null;
        _quotedSeats = null;
        _failure = null;
    }

    private async Task QuoteAsync()
    {
        _busy = true;
        _failure = null;
        try
        {
            var seats = _chosen.ToHashSet();
            var quote = await Cancellations.QuoteAsync(UserId, Reservation.Id, ChosenForService, CancellationToken.None);
            _quote = quote;
            _quotedSeats = quote is null ? null : seats;
            if (quote is null)
            {
                _failure = R["Cancel.NotFound"];
            }
        }
        catch (DomainException exception)
        {
            _failure = ErrorTexts.For(exception);
        }
        finally
        {
            _busy = false;
        }
    }

    private async Task ConfirmAsync()
    {
        if (!CanConfirm)
        {
            return;
        }

        _busy = true;
        _failure = null;
        try
        {
            var result = await Cancellations.CancelAsync(UserId, Reservation.Id, ChosenForService, _reason!.Trim(), CancellationToken.None);
            if (result is { Succeeded: true, Outcome: { } outcome })
            {
                Dialog.Close(DialogResult.Ok(outcome));
                return;
            }

            _failure = result.Failure?.Message ?? R["Cancel.Failed"];
        }
        catch (DomainException exception)
        {
            _failure = ErrorTexts.For(exception);
        }
        finally
        {
            _busy = false;
        }
    }

    private void Close() => Dialog.Cancel();
}
