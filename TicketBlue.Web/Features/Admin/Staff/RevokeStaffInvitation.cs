using TicketBlue.Infrastructure.Accounts;

namespace TicketBlue.Web.Features.Admin.Staff;

public interface IRevokeStaffInvitationHandler
{
    /// <summary>Withdraws an unused invitation; null when done, else the refusal's code.</summary>
    Task<string?> HandleAsync(long invitationId, CancellationToken cancellationToken);
}

/// <summary>An admin (re-checked in the database) withdraws an invitation before it is used, audited; its link opens nothing since.</summary>
public sealed class RevokeStaffInvitationHandler(ICurrentAdmin currentAdmin, StaffMembers staff) : IRevokeStaffInvitationHandler
{
    public async Task<string?> HandleAsync(long invitationId, CancellationToken cancellationToken)
    {
        var admin = await currentAdmin.GetAsync();
        return await staff.RevokeInvitationAsync(admin, invitationId, cancellationToken);
    }
}
