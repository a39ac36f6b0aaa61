using Bunit;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using NSubstitute;
using Shouldly;
using TicketBlue.Domain.Accounts;
using TicketBlue.Infrastructure.Accounts;
using TicketBlue.Web.Features.Admin.Staff;
using TicketBlue.Tests.Fixtures;

namespace TicketBlue.Tests.Web.Features.Admin.Staff;

/// <summary>The staff page: members with their roles, a role removed only after the admin confirms (a refusal worded), and an open invitation revoked.</summary>
[Trait("Category", "Component")]
public sealed class AdminStaffPageTests : ComponentTestBase
{
    private static readonly DateTimeOffset Now = new(2026, 12, 7, 9, 0, 0, TimeSpan.Zero);
    private static readonly StaffMember Usher = new("user-gate", "usher@example.com", "문지기", [StaffRole.Gate]);
    private static readonly StaffInvitationRow Open = new(7, "new@example.com", StaffRole.Admin, Now.AddHours(-1), Now.AddDays(2), null);
    private static readonly StaffInvitationRow Used = new(6, "old@example.com", StaffRole.Gate, Now.AddDays(-2), Now.AddDays(1), Now.AddDays(-1));

    private readonly IListStaffHandler _members = Substitute.For<IListStaffHandler>();
    private readonly IListStaffInvitationsHandler _invitations = Substitute.For<IListStaffInvitationsHandler>();
    private readonly IRemoveStaffRoleHandler _removeRole = Substitute.For<IRemoveStaffRoleHandler>();
    private readonly IRevokeStaffInvitationHandler _revoke = Substitute.For<IRevokeStaffInvitationHandler>();

    public AdminStaffPageTests()
    {
        Services.AddSingleton(_members);
        Services.AddSingleton(_invitations);
        Services.AddSingleton(_removeRole);
        Services.AddSingleton(_revoke);
        Services.AddSingleton(Substitute.For<IInviteStaffHandler>());
        Services.AddSingleton<TimeProvider>(new Microsoft.Extensions.Time.Testing.FakeTimeProvider(Now));
        _members.HandleAsync(Arg.Any<CancellationToken>()).Returns([Usher]);
        _invitations.HandleAsync(Arg.Any<CancellationToken>()).Returns([Open, Used]);
    }

    private static CancellationToken Ct => Xunit.TestContext.Current.CancellationToken;

    [Fact]
    public async Task ShouldRemoveARoleOnlyAfterTheAdminConfirms()
    {
        _removeRole.HandleAsync("user-gate", StaffRole.Gate, Arg.Any<CancellationToken>()).Returns((string?)null);
        var dialogs = Render<MudDialogProvider>();
        var page = Render<AdminStaffPage>();
        page.WaitForAssertion(() => page.Find("[data-testid=staff-member]").TextContent.ShouldContain("입장 관리"));

        var cancelled = page.Find("[data-testid=staff-remove-role]").ClickAsync(new());
        dialogs.WaitForAssertion(() => dialogs.Find(".mud-message-box").TextContent.ShouldContain("문지기님의 입장 관리 역할을 뺄까요?"));
        await dialogs.FindAll("button").Single(button => button.TextContent.Trim() == "취소").ClickAsync(new());
        await cancelled;
        await _removeRole.DidNotReceiveWithAnyArgs().HandleAsync(default!, default, Ct);

        var confirmed = page.Find("[data-testid=staff-remove-role]").ClickAsync(new());
        dialogs.WaitForAssertion(() => dialogs.Find(".mud-message-box"));
        await dialogs.FindAll("button").Single(button => button.TextContent.Trim() == "빼기").ClickAsync(new());
        await confirmed;

        await _removeRole.Received(1).HandleAsync("user-gate", StaffRole.Gate, Arg.Any<CancellationToken>());
        page.WaitForAssertion(() => page.Find("[data-testid=staff-invite-result]").TextContent.ShouldContain("문지기님의 입장 관리 역할을 뺐습니다."));
    }

    [Fact]
    public async Task ShouldWordARefusal_GivenTheLastAdmin()
    {
        _members.HandleAsync(Arg.Any<CancellationToken>()).Returns([Usher with { Roles = [StaffRole.Admin] }]);
        _removeRole.HandleAsync("user-gate", StaffRole.Admin, Arg.Any<CancellationToken>()).Returns(StaffRoleRemoval.LastAdminCode);
        var dialogs = Render<MudDialogProvider>();
        var page = Render<AdminStaffPage>();
        page.WaitForAssertion(() => page.Find("[data-testid=staff-remove-role]"));

        var removing = page.Find("[data-testid=staff-remove-role]").ClickAsync(new());
        dialogs.WaitForAssertion(() => dialogs.Find(".mud-message-box"));
        await dialogs.FindAll("button").Single(button => button.TextContent.Trim() == "빼기").ClickAsync(new());
        await removing;

        page.WaitForAssertion(() => page.Find("[data-testid=staff-invite-result]").TextContent.ShouldContain("마지막 관리자의 관리자 역할은 뺄 수 없습니다."));
    }

    [Fact]
    public async Task ShouldOfferToRevokeOnlyTheOpenInvitation()
    {
        _revoke.HandleAsync(7, Arg.Any<CancellationToken>()).Returns((string?)null);
        var page = Render<AdminStaffPage>();
        page.WaitForAssertion(() => page.FindAll("[data-testid=staff-invitation]").Count.ShouldBe(2));

        page.FindAll("[data-testid=staff-revoke]").Count.ShouldBe(1);
        await page.Find("[data-testid=staff-revoke]").ClickAsync(new());

        await _revoke.Received(1).HandleAsync(7, Arg.Any<CancellationToken>());
        page.WaitForAssertion(() => page.Find("[data-testid=staff-invite-result]").TextContent.ShouldContain("new@example.com 주소로 보낸 초대를 취소했습니다."));
    }
}
