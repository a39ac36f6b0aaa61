using Microsoft.EntityFrameworkCore;
using TicketBlue.Domain.Accounts;
using TicketBlue.Infrastructure.Persistence;

namespace TicketBlue.Web.Features.Admin.Staff;

/// <summary>One invitation as the staff page lists it.</summary>
public sealed record StaffInvitationRow(long Id, string Email, StaffRole Role, DateTimeOffset CreatedAt, DateTimeOffset ExpiresAt, DateTimeOffset? AcceptedAt, DateTimeOffset? RevokedAt = null);

public interface IListStaffInvitationsHandler
{
    Task<IReadOnlyList<StaffInvitationRow>> HandleAsync(CancellationToken cancellationToken);
}

/// <summary>The latest invitations, newest first: sent, accepted, revoked or expired.</summary>
public sealed class ListStaffInvitationsHandler(IDbContextFactory<TicketBlueDbContext> contextFactory) : IListStaffInvitationsHandler
{
    public const int Shown = 50;

    public async Task<IReadOnlyList<StaffInvitationRow>> HandleAsync(CancellationToken cancellationToken)
    {
        await using var context = await contextFactory.CreateDbContextAsync(cancellationToken);
        return await context.StaffInvitations.AsNoTracking()
            .OrderByDescending(invitation => invitation.CreatedAt)
            .ThenByDescending(invitation => invitation.Id)
            .Take(Shown)
            .Select(invitation => new StaffInvitationRow(invitation.Id, invitation.Email, invitation.Role, invitation.CreatedAt, invitation.ExpiresAt, invitation.AcceptedAt, invitation.RevokedAt))
            .ToListAsync(cancellationToken);
    }
}
