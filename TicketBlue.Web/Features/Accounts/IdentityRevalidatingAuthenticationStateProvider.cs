using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server;
using TicketBlue.Domain.Accounts;
using TicketBlue.Infrastructure.Accounts;
using TicketBlue.Web.Circuits;

namespace TicketBlue.Web.Features.Accounts;

/// <summary>
/// Re-checks the signed-in user while a circuit is connected, so changes reach open pages too. A staff
/// member's circuit is checked every minute (<see cref="StaffSessionPolicy.RecheckEvery"/>): lifetime,
/// idleness (activity is counted by <see cref="StaffCircuitActivity"/>), dormancy, security stamp and roles,
/// so a demoted admin's open console stops within a minute. A customer's open page (an on-sale day has tens
/// of thousands of them open) asks <see cref="AccountSessionSignal"/> each minute, one Redis read, whether its
/// account took a new stamp, became dormant or was withdrawn, and only then checks the database; the full
/// database check runs every 30 minutes regardless. A failed check signs the circuit out: its pages see an anonymous user.
/// </summary>
internal sealed class IdentityRevalidatingAuthenticationStateProvider(
    ILoggerFactory loggerFactory,
    IServiceScopeFactory scopeFactory,
    TimeProvider clock)
    : RevalidatingServerAuthenticationStateProvider(loggerFactory)
{
    /// <summary>How often a customer's open page is checked against the account in the database, changed or not.</summary>
    public static readonly TimeSpan CustomerCircuitRecheckEvery = TimeSpan.FromMinutes(30);

    private DateTimeOffset _lastAccountCheck = clock.GetUtcNow();

    protected override TimeSpan RevalidationInterval => StaffSessionPolicy.RecheckEvery;

    protected override async Task<bool> ValidateAuthenticationStateAsync(AuthenticationState authenticationState, CancellationToken cancellationToken)
    {
        var principal = authenticationState.User;
        var staff = StaffSessionCheck.IsStaff(principal);
        var now = clock.GetUtcNow();
        await using var scope = scopeFactory.CreateAsyncScope();
        if (!staff && now - _lastAccountCheck < CustomerCircuitRecheckEvery
            && !await scope.ServiceProvider.GetRequiredService<AccountSessionSignal>().HasChangedAsync(principal))
        {
            return true;
        }

        _lastAccountCheck = now;
        var check = scope.ServiceProvider.GetRequiredService<StaffSessionCheck>();
        return (!staff || await check.IsSessionLiveAsync(principal, recordActivity: false))
            && await check.IsAccountUnchangedAsync(principal);
    }
}
