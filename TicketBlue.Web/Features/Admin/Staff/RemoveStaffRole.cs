using TicketBlue.Domain.Accounts;
using TicketBlue.Infrastructure.Accounts;

namespace TicketBlue.Web.Features.Admin.Staff;

public interface IRemoveStaffRoleHandler
{
    /// <summary>Takes <paramref name="role"/> from <paramref name="userId"/>; null when done, else the refusal's code.</summary>
    Task<string?> HandleAsync(string userId, StaffRole role, CancellationToken cancellationToken);
}

/// <summary>An admin (re-checked in the database) takes a staff role away, audited; never their own admin role nor the last admin's.</summary>
public sealed class RemoveStaffRoleHandler(ICurrentAdmin currentAdmin, StaffMembers staff) : IRemoveStaffRoleHandler
{
    public async Task<string?> HandleAsync(string userId, StaffRole role, CancellationToken cancellationToken)
    {
        var admin = await currentAdmin.GetAsync();
        return await staff.RemoveRoleAsync(admin, userId, role, cancellationToken);
    }
}
