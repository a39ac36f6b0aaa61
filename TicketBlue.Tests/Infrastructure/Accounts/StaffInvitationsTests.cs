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
/// One-time staff invitations on real MariaDB (issue 16): the link comes by mail through the outbox, makes the
/// account once, expires (on the app's fake clock), adds the role to an existing account only with its
/// password, and both the invitation and its acceptance are audited.
/// </summary>
[Trait("Category", "Integration")]
public sealed class StaffInvitationsTests(AppWithClock app) : IClassFixture<AppWithClock>
{
    private const string Password = "correct horse battery staple";
    private static readonly AdminActor Inviter = new("inviting-admin", "boss@example.com");
    private static readonly Uri Site = new("https://ticketblue.test/");

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private StaffInvitations Invitations => app.Factory.Services.GetRequiredService<StaffInvitations>();

    [Fact]
    public async Task ShouldMakeAGateAccountFromTheMailedLink_Once_AndAuditBoth()
    {
        var email = UniqueEmail();

        (await Invitations.InviteAsync(Inviter, email, StaffRole.Gate, Site, Ct)).ShouldBeNull();
        var token = await TokenMailedToAsync(email);
        var view = (await Invitations.FindAsync(token, Ct)).Invitation!;
        var first = await Invitations.AcceptAsync(token, "문지기", Password, Ct);
        var second = await Invitations.AcceptAsync(token, "또 문지기", Password, Ct);

        view.Email.ShouldBe(email);
        view.Role.ShouldBe(StaffRole.Gate);
        view.HasAccount.ShouldBeFalse();
        first.Succeeded.ShouldBeTrue(string.Join(", ", first.Errors.Select(error => error.Code)));
        second.Errors.Single().Code.ShouldBe("invitation.used");
        (await Invitations.FindAsync(token, Ct)).Refusal.ShouldBe("invitation.used");
        await using var scope = app.Factory.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var user = (await users.FindByEmailAsync(email))!;
        user.Id.ShouldBe(first.UserId);
        user.DisplayName.ShouldBe("문지기");
        user.EmailConfirmed.ShouldBeTrue();
        (await users.GetRolesAsync(user)).ShouldBe([Roles.Gate]);

        await using var context = app.Database.CreateContext();
        var invitation = await context.StaffInvitations.AsNoTracking().SingleAsync(candidate => candidate.Email == email, Ct);
        invitation.TokenHash.ShouldNotContain(token);
        var audit = await context.AuditLog.AsNoTracking()
            .Where(entry => entry.EntityType == nameof(StaffInvitation) && entry.EntityId == invitation.Id.ToString(System.Globalization.CultureInfo.InvariantCulture))
            .OrderBy(entry => entry.Id)
            .ToListAsync(Ct);
        audit.Select(entry => entry.Action).ShouldBe([StaffInvitations.InvitedAction, StaffInvitations.AcceptedAction]);
        audit[0].ActorUserId.ShouldBe(Inviter.UserId);
        audit[1].ActorUserId.ShouldBe(user.Id);
        audit.ShouldAllBe(entry => entry.AfterJson == null || !entry.AfterJson.Contains(token));
    }

    [Fact]
    public async Task ShouldRefuseTheLinkOnceItExpired_AndMakeNoAccount()
    {
        var email = UniqueEmail();
        await Invitations.InviteAsync(Inviter, email, StaffRole.Admin, Site, Ct);
        var token = await TokenMailedToAsync(email);

        app.Clock.Advance(new StaffInvitationOptions().ValidFor);
        var refused = await Invitations.AcceptAsync(token, "늦은 관리자", Password, Ct);

        refused.Errors.Single().Code.ShouldBe("invitation.expired");
        (await Invitations.FindAsync(token, Ct)).Refusal.ShouldBe("invitation.expired");
        await using var scope = app.Factory.Services.CreateAsyncScope();
        (await scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>().FindByEmailAsync(email)).ShouldBeNull();
    }

    [Fact]
    public async Task ShouldAddTheRoleToAnExistingAccount_OnlyWithItsPassword()
    {
        var email = UniqueEmail();
        await using (var scope = app.Factory.Services.CreateAsyncScope())
        {
            (await scope.ServiceProvider.GetRequiredService<AccountService>().SignUpCustomerAsync(email, "고객", Password)).Succeeded.ShouldBeTrue();
        }

        await Invitations.InviteAsync(Inviter, email, StaffRole.Admin, Site, Ct);
        var token = await TokenMailedToAsync(email);
        (await Invitations.FindAsync(token, Ct)).Invitation!.HasAccount.ShouldBeTrue();

        var wrong = await Invitations.AcceptAsync(token, null, "not the password at all", Ct);
        var right = await Invitations.AcceptAsync(token, null, Password, Ct);

        wrong.Errors.Single().Code.ShouldBe(StaffInvitations.WrongPassword);
        right.Succeeded.ShouldBeTrue();
        await using var check = app.Factory.Services.CreateAsyncScope();
        var users = check.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        (await users.GetRolesAsync((await users.FindByEmailAsync(email))!)).Order().ShouldBe([Roles.Admin, Roles.Customer]);
    }

    [Fact]
    public async Task ShouldRefuseAForgedToken()
    {
        (await Invitations.FindAsync("made-up-token", Ct)).Refusal.ShouldBe(StaffInvitations.NotFound);
        (await Invitations.AcceptAsync("made-up-token", "누군가", Password, Ct)).Errors.Single().Code.ShouldBe(StaffInvitations.NotFound);
        (await Invitations.AcceptAsync(null, "누군가", Password, Ct)).Errors.Single().Code.ShouldBe(StaffInvitations.NotFound);
    }

    [Fact]
    public async Task ShouldMakeOneAccount_GivenTwoTabsAcceptTogether()
    {
        var email = UniqueEmail();
        await Invitations.InviteAsync(Inviter, email, StaffRole.Gate, Site, Ct);
        var token = await TokenMailedToAsync(email);

        var results = await Task.WhenAll(
            Task.Run(() => Invitations.AcceptAsync(token, "첫째 탭", Password, Ct), Ct),
            Task.Run(() => Invitations.AcceptAsync(token, "둘째 탭", Password, Ct), Ct));

        results.Count(result => result.Succeeded).ShouldBe(1);
        await using var context = app.Database.CreateContext();
        (await context.Users.CountAsync(user => user.Email == email, Ct)).ShouldBe(1);
    }

    [Fact]
    public async Task ShouldMakeTheAccountThroughTheInvitationPage_AndSayWhenTheLinkIsSpent()
    {
        var email = UniqueEmail();
        await Invitations.InviteAsync(Inviter, email, StaffRole.Gate, Site, Ct);
        var page = new Uri($"/{StaffInvitations.AcceptPath}?token={Uri.EscapeDataString(await TokenMailedToAsync(email))}", UriKind.Relative);
        using var client = app.Factory.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

        var form = await client.GetStringAsync(page, Ct);
        using var content = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "accept-invitation",
            ["__RequestVerificationToken"] = SignedInClient.FormToken(form),
            ["Input.DisplayName"] = "문지기",
            ["Input.Password"] = Password,
            ["Input.ConfirmPassword"] = Password,
        });
        using var accepted = await client.PostAsync(page, content, Ct);
        var spent = await client.GetStringAsync(page, Ct);
        var forged = await client.GetStringAsync(new Uri($"/{StaffInvitations.AcceptPath}?token=forged", UriKind.Relative), Ct);

        form.ShouldContain(email);
        form.ShouldContain("입장 관리");
        accepted.StatusCode.ShouldBe(System.Net.HttpStatusCode.Redirect);
        accepted.Headers.Location!.ToString().ShouldContain("Account/Login?returnUrl=%2Fgate%2Fcheck-in");
        spent.ShouldContain("이미 사용된 초대 링크입니다");
        forged.ShouldContain("올바른 초대 링크가 아닙니다");
    }

    private static string UniqueEmail() => $"invited-{Guid.NewGuid():N}@example.com";

    /// <summary>The token in the link of the invitation mail queued for <paramref name="email"/>.</summary>
    private async Task<string> TokenMailedToAsync(string email)
    {
        await using var context = app.Database.CreateContext();
        var mail = await context.Notifications.AsNoTracking().SingleAsync(notification => notification.Template == StaffInvitationTemplate.Name && notification.Recipient == email, Ct);
        var link = new Uri(NotificationTemplates.Read<StaffInvitationPayload>(mail.PayloadJson).Link);
        link.AbsolutePath.ShouldBe("/" + StaffInvitations.AcceptPath);
        return System.Web.HttpUtility.ParseQueryString(link.Query)["token"]!;
    }
}
