using Microsoft.AspNetCore.Identity;

namespace TicketBlue.Infrastructure.Accounts;

/// <summary>
/// Whether an account holds a staff role now, read from the database rather than a cookie or a circuit's
/// principal: a demoted or dormant account's open page cannot keep acting. The one home of that check.
/// </summary>
public static class StaffRoles
{
    /// <summary>The account if it holds one of <paramref name="roles"/> now and is not dormant; null otherwise.</summary>
    public static async Task<ApplicationUser?> FindHoldingAsync(UserManager<ApplicationUser> users, string? userId, params string[] roles)
    {
        ArgumentNullException.ThrowIfNull(users);
        ArgumentNullException.ThrowIfNull(roles);
        var user = userId is null ? null : await users.FindByIdAsync(userId);
        if (user is null || user.IsDormant)
        {
            return null;
        }

        foreach (var role in roles)
        {
            if (await users.IsInRoleAsync(user, role))
            {
                return user;
            }
        }

        return null;
    }
}
