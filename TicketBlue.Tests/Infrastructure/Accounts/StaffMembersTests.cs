using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Shouldly;
using TicketBlue.Domain.Accounts;
using TicketBlue.Infrastructure.Auditing;
using TicketBlue.Infrastructure.Accounts;
using TicketBlue.Infrastructure.Notifications.Templates;
using TicketBlue.Tests.Fixtures;

namespace TicketBlue.Tests.Infrastructure.Accounts;

/// <summary>
/// 직원 관리 on real MariaDB and Redis (issue 16): the staff list with roles, taking a role away (audited; the
/// member's open circuit loses it at its next minute check), never the acting admin's own admin role, and
/// withdrawing an unused invitation (audited; its link opens nothing since).
/// </summary>
[Trait("Category", "Integration")]
public sealed class StaffMembersTests(AppWithClock app) : IClassFixture<AppWithClock>
{
    private const string Password = "correct horse battery staple";
    private static readonly Uri Site = new("https://ticketblue.test/");

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private StaffMembers Staff => app.Factory.Services.GetRequiredService<StaffMembers>();

    [Fact]
    public async Task ShouldListAdminsAndGateStaffWithTheirRoles_AndNoCustomers()
    {
        var admin = await NewAccountAsync(Roles.Admin);
        var both = await NewAccountAsync(Roles.Gate, Roles.Admin);
        var customer = await NewAccountAsync(Roles.Customer);

        var members = await Staff.ListAsync(Ct);

        members.Single(member => member.UserId == admin.UserId).Roles.ShouldBe([StaffRole.Admin]);
        members.Single(member => member.UserId == both.UserId).Roles.ShouldBe([StaffRole.Admin, StaffRole.Gate]);
        members.ShouldNotContain(member => member.UserId == customer.UserId);
    }

    [Fact]
    public async Task ShouldTakeAnAdminRoleAway_Audited_AndEndTheMembersOpenCircuitAtItsNextCheck()
    {
        var acting = await NewAccountAsync(Roles.Admin);
        var demoted = await NewAccountAsync(Roles.Admin);
        var principal = await PrincipalAsync(demoted.UserId);
        using var circuit = new CircuitCheck(app);
        (await circuit.ValidateAsync(principal)).ShouldBeTrue();

        var refusal = await Staff.RemoveRoleAsync(acting, demoted.UserId, StaffRole.Admin, Ct);

        refusal.ShouldBeNull();
        (await RolesOfAsync(demoted.UserId)).ShouldNotContain(Roles.Admin);
        (await circuit.ValidateAsync(principal)).ShouldBeFalse();
        await using var context = app.Database.CreateContext();
        var audit = await context.AuditLog.AsNoTracking().SingleAsync(entry => entry.Action == StaffMembers.RoleRemovedAction && entry.EntityId == demoted.UserId, Ct);
        audit.ActorUserId.ShouldBe(acting.UserId);
        audit.BeforeJson!.ShouldContain("Admin");
    }

    [Fact]
    public async Task ShouldRefuseTheActingAdminsOwnAdminRole_AndARoleNotHeld()
    {
        var acting = await NewAccountAsync(Roles.Admin, Roles.Gate);
        var gate = await NewAccountAsync(Roles.Gate);

        var own = await Staff.RemoveRoleAsync(acting, acting.UserId, StaffRole.Admin, Ct);
        var notHeld = await Staff.RemoveRoleAsync(acting, gate.UserId, StaffRole.Admin, Ct);
        var ownGate = await Staff.RemoveRoleAsync(acting, acting.UserId, StaffRole.Gate, Ct);

        own.ShouldBe(StaffRoleRemoval.OwnAdminRoleCode);
        notHeld.ShouldBe(StaffRoleRemoval.NotHeldCode);
        ownGate.ShouldBeNull("only the admin role is kept from its holder; the gate role may go");
        (await RolesOfAsync(acting.UserId)).ShouldBe([Roles.Admin]);
        (await RolesOfAsync(gate.UserId)).ShouldBe([Roles.Gate]);
    }

    [Fact]
    public async Task ShouldRevokeAnUnusedInvitation_Audited_SoThatItsLinkOpensNothing()
    {
        var acting = await NewAccountAsync(Roles.Admin);
        var email = $"revoked-{Guid.NewGuid():N}@example.com";
        var invitations = app.Factory.Services.GetRequiredService<StaffInvitations>();
        (await invitations.InviteAsync(acting, email, StaffRole.Gate, Site, Ct)).ShouldBeNull();
        var (id, token) = await InvitationMailedToAsync(email);

        var revoked = await Staff.RevokeInvitationAsync(acting, id, Ct);
        var again = await Staff.RevokeInvitationAsync(acting, id, Ct);
        var accepted = await invitations.AcceptAsync(token, "취소된 사람", Password, Ct);

        revoked.ShouldBeNull();
        again.ShouldBe("invitation.not_open");
        (await invitations.FindAsync(token, Ct)).Refusal.ShouldBe("invitation.revoked");
        accepted.Errors.Single().Code.ShouldBe("invitation.revoked");
        (await Staff.RevokeInvitationAsync(acting, long.MaxValue, Ct)).ShouldBe(StaffMembers.InvitationNotFoundCode);
        await using var context = app.Database.CreateContext();
        (await context.Users.AnyAsync(user => user.Email == email, Ct)).ShouldBeFalse();
        var audit = await context.AuditLog.AsNoTracking().SingleAsync(entry => entry.Action == StaffMembers.InvitationRevokedAction && entry.EntityId == id.ToString(System.Globalization.CultureInfo.InvariantCulture), Ct);
        audit.ActorUserId.ShouldBe(acting.UserId);
    }

    private async Task<AdminActor> NewAccountAsync(params string[] roles)
    {
        var email = $"staff-list-{Guid.NewGuid():N}@example.com";
        var userId = await TestAccounts.CreateStaffAsync(app.Factory.Services, email, Password, roles[0]);
        await using var scope = app.Factory.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        foreach (var role in roles.Skip(1))
        {
            (await users.AddToRoleAsync((await users.FindByIdAsync(userId))!, role)).Succeeded.ShouldBeTrue();
        }

        return new AdminActor(userId, email);
    }

    private async Task<List<string>> RolesOfAsync(string userId)
    {
        await using var scope = app.Factory.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        return [.. await users.GetRolesAsync((await users.FindByIdAsync(userId))!)];
    }

    /// <summary>The principal a sign-in would put in the cookie, with its staff session begun.</summary>
    private async Task<ClaimsPrincipal> PrincipalAsync(string userId)
    {
        await using var scope = app.Factory.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var principal = await scope.ServiceProvider.GetRequiredService<SignInManager<ApplicationUser>>().CreateUserPrincipalAsync((await users.FindByIdAsync(userId))!);
        var sessionId = SessionClaims.Begin((ClaimsIdentity)principal.Identity!, app.Clock.GetUtcNow());
        await scope.ServiceProvider.GetRequiredService<StaffSessionActivity>().BeginAsync(sessionId);
        return principal;
    }

    private async Task<(long Id, string Token)> InvitationMailedToAsync(string email)
    {
        await using var context = app.Database.CreateContext();
        var id = await context.StaffInvitations.Where(invitation => invitation.Email == email).Select(invitation => invitation.Id).SingleAsync(Ct);
        var mail = await context.Notifications.AsNoTracking().SingleAsync(notification => notification.Template == StaffInvitationTemplate.Name && notification.Recipient == email, Ct);
        var link = new Uri(NotificationTemplates.Read<StaffInvitationPayload>(mail.PayloadJson).Link);
        return (id, System.Web.HttpUtility.ParseQueryString(link.Query)["token"]!);
    }
}
