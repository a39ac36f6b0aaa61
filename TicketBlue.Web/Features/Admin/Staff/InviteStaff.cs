using TicketBlue.Domain.Accounts;
using TicketBlue.Infrastructure.Accounts;

namespace TicketBlue.Web.Features.Admin.Staff;

public interface IInviteStaffHandler
{
    /// <summary>Invites <paramref name="email"/> as <paramref name="role"/>; null when the mail is queued, else the refusal's code.</summary>
    Task<string?> HandleAsync(string email, StaffRole role, Uri siteRoot, CancellationToken cancellationToken);
}

/// <summary>An admin (re-checked in the database) invites a new staff member: the one-time link goes out by mail, audited.</summary>
public sealed class InviteStaffHandler(ICurrentAdmin currentAdmin, StaffInvitations invitations) : IInviteStaffHandler
{
    public async Task<string?> HandleAsync(string email, StaffRole role, Uri siteRoot, CancellationToken cancellationToken)
    {
        var admin = await currentAdmin.GetAsync();
        return await invitations.InviteAsync(admin, email, role, siteRoot, cancellationToken);
    }
}
