using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server.Circuits;
using TicketBlue.Domain.Accounts;
using TicketBlue.Infrastructure.Accounts;

namespace TicketBlue.Web.Circuits;

/// <summary>
/// Counts what a staff member does in a live circuit (clicks, typing, navigation: the circuit's inbound
/// messages) as activity of their session, at most once a minute, so working in the admin console for an
/// hour without a page load does not end the session as idle. The circuit's own check each minute
/// (<see cref="Components.Account.IdentityRevalidatingAuthenticationStateProvider"/>) ends it when it is.
/// Inbound messages include the browser's acknowledgement of a render, so a page that re-renders itself
/// on a timer counts as activity too.
/// </summary>
internal sealed class StaffCircuitActivity(
    AuthenticationStateProvider authentication,
    StaffSessionActivity activity,
    TimeProvider clock) : CircuitHandler
{
    private DateTimeOffset _lastRecorded = DateTimeOffset.MinValue;

    public override Func<CircuitInboundActivityContext, Task> CreateInboundActivityHandler(Func<CircuitInboundActivityContext, Task> next) =>
        async context =>
        {
            await RecordAsync();
            await next(context);
        };

    private async Task RecordAsync()
    {
        var now = clock.GetUtcNow();
        if (now - _lastRecorded < StaffSessionPolicy.RecheckEvery)
        {
            return;
        }

        _lastRecorded = now;
        var principal = (await authentication.GetAuthenticationStateAsync()).User;
        if (StaffSessionCheck.IsStaff(principal) && SessionClaims.TryRead(principal, out var sessionId, out _))
        {
            await activity.TouchAsync(sessionId);
        }
    }
}
