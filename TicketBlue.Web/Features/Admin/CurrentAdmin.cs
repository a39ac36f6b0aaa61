using System.Security.Claims;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Identity;
using TicketBlue.Infrastructure.Auditing;
using TicketBlue.Infrastructure.Accounts;

namespace TicketBlue.Web.Features.Admin;

public interface ICurrentAdmin
{
    /// <summary>The signed-in admin, re-checked against the database; throws when the user is not (or no longer) an admin.</summary>
    Task<AdminActor> GetAsync();
}

/// <summary>
/// Admin actions check the role in the database, not only in the cookie: a demoted or dormant
/// admin's open circuit cannot keep changing the catalogue.
/// </summary>
public sealed class CurrentAdmin(AuthenticationStateProvider authentication, UserManager<ApplicationUser> users) : ICurrentAdmin
{
    public async Task<AdminActor> GetAsync()
    {
        var principal = (await authentication.GetAuthenticationStateAsync()).User;
        var userId = principal.FindFirstValue(ClaimTypes.NameIdentifier)
            ?? throw new UnauthorizedAccessException("Not signed in.");
        var user = await FindAdminAsync(users, userId)
            ?? throw new UnauthorizedAccessException("The signed-in user is not an admin.");
        return new AdminActor(user.Id, user.Email ?? user.UserName ?? user.Id);
    }

    /// <summary>The account if it is an admin now (in the database, not dormant); null otherwise.</summary>
    public static Task<ApplicationUser?> FindAdminAsync(UserManager<ApplicationUser> users, string? userId) =>
        StaffRoles.FindHoldingAsync(users, userId, Roles.Admin);
}
