using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using TicketBlue.Domain.Accounts;

namespace TicketBlue.Infrastructure.Accounts;

/// <summary>
/// The one home of "may this session still be used": for staff, the session has not outlived
/// <see cref="StaffSessionPolicy.AbsoluteLifetime"/> nor gone idle; for anyone, the account still exists,
/// is not dormant, has the security stamp the session was issued with (a new password, a reset, the
/// 휴면 conversion all rotate it) and still holds every staff role the session claims (removing a role
/// does not rotate the stamp). Used by the cookie check on every request and by open circuits each minute.
/// </summary>
public sealed class StaffSessionCheck(
    UserManager<ApplicationUser> users,
    IOptions<IdentityOptions> identityOptions,
    StaffSessionActivity activity,
    TimeProvider clock)
{
    public static bool IsStaff(ClaimsPrincipal principal)
    {
        ArgumentNullException.ThrowIfNull(principal);
        return Roles.Staff.Any(principal.IsInRole);
    }

    /// <summary>
    /// Whether a staff session is within its lifetime and still active; with <paramref name="recordActivity"/>
    /// the question itself is activity (a request), otherwise it only looks (a circuit's periodic check).
    /// A principal without session claims (issued before sessions had them) is not a usable staff session.
    /// </summary>
    public async Task<bool> IsSessionLiveAsync(ClaimsPrincipal principal, bool recordActivity)
    {
        if (!SessionClaims.TryRead(principal, out var sessionId, out var signedInAt)
            || !StaffSessionPolicy.IsWithinLifetime(signedInAt, clock.GetUtcNow()))
        {
            return false;
        }

        return recordActivity ? await activity.TouchAsync(sessionId) : await activity.IsActiveAsync(sessionId);
    }

    /// <summary>Whether the account behind the principal is still the one the session was issued for.</summary>
    public async Task<bool> IsAccountUnchangedAsync(ClaimsPrincipal principal)
    {
        var user = await users.GetUserAsync(principal);
        if (user is null || user.IsDormant)
        {
            return false;
        }

        if (users.SupportsUserSecurityStamp
            && principal.FindFirstValue(identityOptions.Value.ClaimsIdentity.SecurityStampClaimType) != await users.GetSecurityStampAsync(user))
        {
            return false;
        }

        foreach (var role in Roles.Staff.Where(principal.IsInRole))
        {
            if (!await users.IsInRoleAsync(user, role))
            {
                return false;
            }
        }

        return true;
    }
}
