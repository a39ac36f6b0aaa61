using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using TicketBlue.Domain.Accounts;
using TicketBlue.Domain.Common;
using TicketBlue.Domain.Notifications;
using TicketBlue.Infrastructure.Auditing;
using TicketBlue.Infrastructure.Notifications.Templates;
using TicketBlue.Infrastructure.Persistence;

namespace TicketBlue.Infrastructure.Accounts;

/// <summary>What the invitation page shows before the form: the address, the role, and whether an account has that address.</summary>
public sealed record InvitationView(string Email, StaffRole Role, DateTimeOffset ExpiresAt, bool HasAccount);

/// <summary>An invitation looked up by its link's token: the view while it can be used, otherwise why not.</summary>
public sealed record InvitationLookup(InvitationView? Invitation, string? Refusal);

/// <summary>
/// An acceptance: the account that now has the role, or what was wrong — an invitation code (<c>invitation.*</c>,
/// no description: the page words it) or Identity's own errors (described in the request's language).
/// </summary>
public sealed record InvitationAcceptance(string? UserId, IReadOnlyList<IdentityError> Errors)
{
    public bool Succeeded => UserId is not null;

    public static InvitationAcceptance Failed(string code) => new(null, [new IdentityError { Code = code, Description = code }]);
}

/// <summary>
/// One-time staff invitations (issue 16). An admin invites an address for a role; the mail (through the
/// outbox, saved with the invitation and its audit entry) carries a random token whose SHA-256 alone is
/// stored. Opening the link before it expires makes the account with that address (confirmed: the link
/// reached it) or, when the address already has an account, adds the role after its password is given.
/// Accepting is one transaction with the account, the role and the audit entry, and the invitation's
/// <c>AcceptedAt</c> is its concurrency token: a link works once.
/// </summary>
public sealed class StaffInvitations(IServiceScopeFactory scopes, IOptions<StaffInvitationOptions> options, TimeProvider clock)
{
    /// <summary>The page the link opens.</summary>
    public const string AcceptPath = "Account/AcceptInvitation";

    public const string InvitedAction = "staff.invited";
    public const string AcceptedAction = "staff.invitation_accepted";

    /// <summary>No invitation has this token (mistyped, forged, or cut short by a mail client).</summary>
    public const string NotFound = "invitation.not_found";

    /// <summary>The address already has an account, and the password given is not its password.</summary>
    public const string WrongPassword = "invitation.wrong_password";

    /// <summary>The name is empty or longer than 50 characters.</summary>
    public const string InvalidName = "invitation.name";

    /// <summary>Invites <paramref name="email"/> as <paramref name="role"/>; returns a domain error code, or null when the mail is queued.</summary>
    public async Task<string?> InviteAsync(AdminActor admin, string email, StaffRole role, Uri siteRoot, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(admin);
        ArgumentNullException.ThrowIfNull(siteRoot);
        var now = clock.GetUtcNow();
        var token = Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));
        StaffInvitation invitation;
        try
        {
            invitation = StaffInvitation.Issue(email?.Trim() ?? string.Empty, role, HashOf(token), admin.UserId, options.Value.ValidFor, now);
        }
        catch (DomainException refused)
        {
            return refused.Code;
        }

        await using var scope = scopes.CreateAsyncScope();
        var context = scope.ServiceProvider.GetRequiredService<TicketBlueDbContext>();
        await using var transaction = await context.Database.BeginTransactionAsync(cancellationToken);
        context.StaffInvitations.Add(invitation);
        await context.SaveChangesAsync(cancellationToken);

        var link = new Uri(siteRoot, $"{AcceptPath}?token={token}");
        var payload = NotificationTemplates.ToJson(new StaffInvitationPayload(invitation.Email, role, link.AbsoluteUri, invitation.ExpiresAt));
        context.Notifications.Add(Notification.Queue(NotificationChannel.Email, StaffInvitationTemplate.Name, invitation.Email, null, payload, $"{StaffInvitationTemplate.Name}:{invitation.Id}:email", now));
        AuditTrail.Record(context, admin, InvitedAction, nameof(StaffInvitation), invitation.Id, null, new { invitation.Email, Role = role.ToString(), invitation.ExpiresAt }, now);
        await context.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return null;
    }

    /// <summary>The invitation behind a link's token, or why it cannot be used.</summary>
    public async Task<InvitationLookup> FindAsync(string? token, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var context = scope.ServiceProvider.GetRequiredService<TicketBlueDbContext>();
        var invitation = await FindAsync(context, token, tracked: false, cancellationToken);
        if (invitation is null)
        {
            return new InvitationLookup(null, NotFound);
        }

        if (invitation.RefusalAt(clock.GetUtcNow()) is { } refusal)
        {
            return new InvitationLookup(null, refusal);
        }

        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var hasAccount = await users.FindByEmailAsync(invitation.Email) is not null;
        return new InvitationLookup(new InvitationView(invitation.Email, invitation.Role, invitation.ExpiresAt, hasAccount), null);
    }

    /// <summary>
    /// Accepts the invitation: a new account named <paramref name="displayName"/> with <paramref name="password"/>,
    /// or, when the address has an account, that account once <paramref name="password"/> is its password.
    /// </summary>
    public async Task<InvitationAcceptance> AcceptAsync(string? token, string? displayName, string password, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var context = scope.ServiceProvider.GetRequiredService<TicketBlueDbContext>();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var now = clock.GetUtcNow();
        var invitation = await FindAsync(context, token, tracked: true, cancellationToken);
        if (invitation is null)
        {
            return InvitationAcceptance.Failed(NotFound);
        }

        if (invitation.RefusalAt(now) is { } refusal)
        {
            return InvitationAcceptance.Failed(refusal);
        }

        // Identity saves through this same context, so the account, the role and the invitation commit together.
        // The invitation's row is locked first: a second tab waits here, then finds it used.
        await using var transaction = await context.Database.BeginTransactionAsync(cancellationToken);
        await context.Database.ExecuteSqlAsync($"SELECT Id FROM StaffInvitations WHERE Id = {invitation.Id} FOR UPDATE", cancellationToken);
        await context.Entry(invitation).ReloadAsync(cancellationToken);
        if (invitation.RefusalAt(now) is { } lateRefusal)
        {
            return InvitationAcceptance.Failed(lateRefusal);
        }

        var user = await users.FindByEmailAsync(invitation.Email);
        if (user is not null)
        {
            if (!await users.CheckPasswordAsync(user, password))
            {
                return InvitationAcceptance.Failed(WrongPassword);
            }
        }
        else
        {
            if (string.IsNullOrWhiteSpace(displayName) || displayName.Trim().Length > 50)
            {
                return InvitationAcceptance.Failed(InvalidName);
            }

            user = new ApplicationUser
            {
                UserName = invitation.Email,
                Email = invitation.Email,
                DisplayName = displayName.Trim(),
                CreatedAt = now,
                EmailConfirmed = true,
            };
            var created = await users.CreateAsync(user, password);
            if (!created.Succeeded)
            {
                return new InvitationAcceptance(null, created.Errors.ToList());
            }
        }

        var role = invitation.Role == StaffRole.Admin ? Roles.Admin : Roles.Gate;
        if (!await users.IsInRoleAsync(user, role))
        {
            var added = await users.AddToRoleAsync(user, role);
            if (!added.Succeeded)
            {
                return new InvitationAcceptance(null, added.Errors.ToList());
            }
        }

        invitation.Accept(user.Id, now);
        AuditTrail.Record(context, SystemActor.AccountHolder(user.Id), AcceptedAction, nameof(StaffInvitation), invitation.Id, null, new { Role = invitation.Role.ToString(), UserId = user.Id, invitation.InvitedByUserId }, now);
        try
        {
            await context.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            // Another tab accepted it a moment ago: nothing of this attempt is kept.
            return InvitationAcceptance.Failed("invitation.used");
        }

        await transaction.CommitAsync(cancellationToken);
        return new InvitationAcceptance(user.Id, []);
    }

    /// <summary>Whether the system has an admin yet: the configured invitation code makes only the first.</summary>
    public static Task<bool> AnyAdminAsync(TicketBlueDbContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        return (from userRole in context.UserRoles
                join role in context.Roles on userRole.RoleId equals role.Id
                where role.Name == Roles.Admin
                select userRole).AnyAsync(cancellationToken);
    }

    private static async Task<StaffInvitation?> FindAsync(TicketBlueDbContext context, string? token, bool tracked, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(token) || token.Length > 100)
        {
            return null;
        }

        var hash = HashOf(token.Trim());
        var query = tracked ? context.StaffInvitations : context.StaffInvitations.AsNoTracking();
        return await query.SingleOrDefaultAsync(invitation => invitation.TokenHash == hash, cancellationToken);
    }

    private static string HashOf(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));
}
