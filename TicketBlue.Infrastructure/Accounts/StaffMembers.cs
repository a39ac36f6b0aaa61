using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TicketBlue.Domain.Accounts;
using TicketBlue.Domain.Common;
using TicketBlue.Infrastructure.Auditing;
using TicketBlue.Infrastructure.Persistence;

namespace TicketBlue.Infrastructure.Accounts;

/// <summary>One staff member as the staff page lists them: the account and its staff roles.</summary>
public sealed record StaffMember(string UserId, string? Email, string DisplayName, IReadOnlyList<StaffRole> Roles);

/// <summary>
/// 직원 관리 (issue 16): who holds a staff role, taking a role away, and withdrawing an invitation not yet
/// used, each audited in the same transaction. Taking a role needs no sign-out: the member's cookie and open
/// circuits re-check their staff roles every minute (<see cref="StaffSessionCheck"/>). The admin role's rows are
/// locked while one is removed, so two admins demoting each other at once cannot leave the system without one.
/// </summary>
public sealed class StaffMembers(IServiceScopeFactory scopes, TimeProvider clock)
{
    public const string RoleRemovedAction = "staff.role_removed";
    public const string InvitationRevokedAction = "staff.invitation_revoked";

    /// <summary>No invitation has that id.</summary>
    public const string InvitationNotFoundCode = "invitation.not_found";

    public async Task<IReadOnlyList<StaffMember>> ListAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var context = scope.ServiceProvider.GetRequiredService<TicketBlueDbContext>();
        var rows = await (from userRole in context.UserRoles
                          join role in context.Roles on userRole.RoleId equals role.Id
                          join user in context.Users on userRole.UserId equals user.Id
                          where role.Name == Roles.Admin || role.Name == Roles.Gate
                          select new { user.Id, user.Email, user.DisplayName, Role = role.Name })
            .AsNoTracking()
            .ToListAsync(cancellationToken);
        return rows
            .GroupBy(row => row.Id)
            .Select(member => new StaffMember(
                member.Key,
                member.First().Email,
                member.First().DisplayName,
                member.Select(row => RoleOf(row.Role!)).Order().ToList()))
            .OrderBy(member => member.Email ?? member.UserId, StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>Takes <paramref name="role"/> from <paramref name="userId"/>; null when done, else the refusal's code (<see cref="StaffRoleRemoval"/>).</summary>
    public async Task<string?> RemoveRoleAsync(AdminActor admin, string userId, StaffRole role, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(admin);
        await using var scope = scopes.CreateAsyncScope();
        var context = scope.ServiceProvider.GetRequiredService<TicketBlueDbContext>();
        var roleName = NameOf(role);
        await using var transaction = await context.Database.BeginTransactionAsync(cancellationToken);
        var roleId = await context.Roles.Where(candidate => candidate.Name == roleName).Select(candidate => candidate.Id).SingleAsync(cancellationToken);
        var adminRoleId = await context.Roles.Where(candidate => candidate.Name == Roles.Admin).Select(candidate => candidate.Id).SingleAsync(cancellationToken);

        // The admins' rows, locked until commit: a concurrent removal waits and then counts what is left.
        var admins = await context.Database
            .SqlQuery<string>($"SELECT UserId AS Value FROM AspNetUserRoles WHERE RoleId = {adminRoleId} FOR UPDATE")
            .ToListAsync(cancellationToken);
        var holds = await context.UserRoles.AnyAsync(userRole => userRole.UserId == userId && userRole.RoleId == roleId, cancellationToken);
        if (StaffRoleRemoval.RefusalOf(admin.UserId, userId, role, holds, admins.Count) is { } refusal)
        {
            return refusal;
        }

        await context.UserRoles.Where(userRole => userRole.UserId == userId && userRole.RoleId == roleId).ExecuteDeleteAsync(cancellationToken);
        AuditTrail.Record(context, admin, RoleRemovedAction, nameof(ApplicationUser), userId, new { Role = role.ToString() }, null, clock.GetUtcNow());
        await context.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return null;
    }

    /// <summary>Withdraws an open invitation; null when done, else the refusal's code.</summary>
    public async Task<string?> RevokeInvitationAsync(AdminActor admin, long invitationId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(admin);
        await using var scope = scopes.CreateAsyncScope();
        var context = scope.ServiceProvider.GetRequiredService<TicketBlueDbContext>();
        var now = clock.GetUtcNow();
        await using var transaction = await context.Database.BeginTransactionAsync(cancellationToken);

        // Locked as acceptance locks it: an acceptance racing the revocation finds it revoked, or the revocation finds it used.
        await context.Database.ExecuteSqlAsync($"SELECT Id FROM StaffInvitations WHERE Id = {invitationId} FOR UPDATE", cancellationToken);
        var invitation = await context.StaffInvitations.SingleOrDefaultAsync(candidate => candidate.Id == invitationId, cancellationToken);
        if (invitation is null)
        {
            return InvitationNotFoundCode;
        }

        try
        {
            invitation.Revoke(admin.UserId, now);
        }
        catch (DomainException refused)
        {
            return refused.Code;
        }

        AuditTrail.Record(context, admin, InvitationRevokedAction, nameof(StaffInvitation), invitation.Id, null, new { invitation.Email, Role = invitation.Role.ToString() }, now);
        await context.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return null;
    }

    private static string NameOf(StaffRole role) => role == StaffRole.Admin ? Roles.Admin : Roles.Gate;

    private static StaffRole RoleOf(string name) => name == Roles.Admin ? StaffRole.Admin : StaffRole.Gate;
}
