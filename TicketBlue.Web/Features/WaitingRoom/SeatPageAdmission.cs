using Microsoft.AspNetCore.Components;
using TicketBlue.Infrastructure.WaitingRoom;

namespace TicketBlue.Web.Features.WaitingRoom;

/// <summary>
/// The waiting room's gate on the seat page: a customer without admission is sent to the queue.
/// Loaded over HTTP (typed address, reload, coming from the waiting page) the page has the request and
/// checks the cookie's token; a live circuit (a link followed inside the app) cannot see the cookie and
/// checks the admission Redis holds for the customer instead.
/// </summary>
public sealed class SeatPageAdmission(IWaitingRoom waitingRoom, NavigationManager navigation)
{
    /// <summary>True when the page may be shown; otherwise it is on its way to the queue.</summary>
    public async Task<bool> EnsureAsync(long roundId, string? userId, HttpContext? http, CancellationToken cancellationToken)
    {
        var check = http is null
            ? await waitingRoom.CheckLiveAsync(roundId, userId, cancellationToken)
            : await waitingRoom.CheckAsync(roundId, userId, QueueAdmission.TokenFrom(http, roundId), cancellationToken);
        if (check != AdmissionCheck.Required)
        {
            return true;
        }

        navigation.NavigateTo(QueueAdmission.PageUrl(roundId), forceLoad: true);
        return false;
    }
}
