namespace TicketBlue.Domain.Accounts;

/// <summary>
/// Whether an admin may take a staff role from an account (issue 16): only a role it holds; never the
/// acting admin's own admin role (a slip would lock them out mid-task; another admin does it); never the
/// admin role of the last admin, so the back office always has someone to run it.
/// </summary>
public static class StaffRoleRemoval
{
    public const string NotHeldCode = "staff.role_not_held";
    public const string OwnAdminRoleCode = "staff.own_admin_role";
    public const string LastAdminCode = "staff.last_admin";

    /// <summary>The refusal's code, or null when <paramref name="actingAdminId"/> may remove <paramref name="role"/> from <paramref name="userId"/>.</summary>
    public static string? RefusalOf(string actingAdminId, string userId, StaffRole role, bool holdsRole, int adminCount) =>
        !holdsRole ? NotHeldCode
        : role == StaffRole.Admin && string.Equals(actingAdminId, userId, StringComparison.Ordinal) ? OwnAdminRoleCode
        : role == StaffRole.Admin && adminCount <= 1 ? LastAdminCode
        : null;
}
