using System.Security.Claims;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Identity;
using TicketBlue.Infrastructure.Auditing;
using TicketBlue.Infrastructure.Accounts;

namespace TicketBlue.Web.Features.Gate;

public interface ICurrentGateStaff
{
    /// <summary>The signed-in gate staff member or admin, re-checked against the database; throws when the user may not (or no longer) check tickets in.</summary>
    Task<AdminActor> GetAsync();
}

/// <summary>
/// Each scan checks the role in the database, not only in the circuit's cookie: a gate account whose role
/// was removed cannot keep admitting people from a page left open (the circuit itself ends within a minute).
/// </summary>
public sealed class CurrentGateStaff(AuthenticationStateProvider authentication, UserManager<ApplicationUser> users) : ICurrentGateStaff
{
    public async Task<AdminActor> GetAsync()
    {
        var principal = (await authentication.GetAuthenticationStateAsync()).User;
        var userId = principal.FindFirstValue(ClaimTypes.NameIdentifier)
            ?? throw new UnauthorizedAccessException("Not signed in.");
        var user = await StaffRoles.FindHoldingAsync(users, userId, Roles.Gate, Roles.Admin)
            ?? throw new UnauthorizedAccessException("The signed-in user may not check tickets in.");

        return new AdminActor(user.Id, user.Email ?? user.UserName ?? user.Id);
    }
}
