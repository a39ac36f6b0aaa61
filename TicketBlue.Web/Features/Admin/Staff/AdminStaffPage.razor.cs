using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Localization;
using MudBlazor;
using TicketBlue.Domain.Accounts;
using TicketBlue.Infrastructure.Accounts;
using TicketBlue.Infrastructure.Localization;
using TicketBlue.Web.Features.Admin.Staff;
using TicketBlue.Web.Localization;

namespace TicketBlue.Web.Features.Admin.Staff;

/// <summary>
/// <c>/admin/staff</c> (직원): an admin invites a new admin or gate staff member by e-mail, sees the staff with
/// their roles and takes a role away (never their own admin role nor the last admin's), and sees the latest
/// invitations with their state, withdrawing one not yet used. The link works once and expires; sending,
/// accepting, revoking and role removals are in the audit log.
/// </summary>
public sealed partial class AdminStaffPage
{
    private IReadOnlyList<StaffInvitationRow> _invitations = [];
    private IReadOnlyList<StaffMember> _members = [];
    private string? _email;
    private StaffRole _role = StaffRole.Gate;
    private string? _message;
    private bool _failed;
    private bool _busy;

    [Inject]
    private IInviteStaffHandler Invite { get; set; } = default!;

    [Inject]
    private IListStaffInvitationsHandler List { get; set; } = default!;

    [Inject]
    private IListStaffHandler ListStaff { get; set; } = default!;

    [Inject]
    private IRemoveStaffRoleHandler RemoveRole { get; set; } = default!;

    [Inject]
    private IRevokeStaffInvitationHandler Revoke { get; set; } = default!;

    [Inject]
    private IDialogService Dialogs { get; set; } = default!;

    [Inject]
    private NavigationManager Navigation { get; set; } = default!;

    [Inject]
    private TimeProvider Clock { get; set; } = default!;

    [Inject]
    private IStringLocalizer<AdminResource> A { get; set; } = default!;

    protected override Task OnInitializedAsync() => ReloadAsync();

    private async Task ReloadAsync()
    {
        _members = await ListStaff.HandleAsync(CancellationToken.None);
        _invitations = await List.HandleAsync(CancellationToken.None);
    }

    private async Task RemoveRoleAsync(StaffMember member, StaffRole role)
    {
        if (_busy)
        {
            return;
        }

        // Asked first: the member loses the role's pages within a minute, and only a new invitation gives it back.
        var confirmed = await Dialogs.ShowMessageBoxAsync(
            A["Staff.RemoveRoleTitle"], A["Staff.RemoveRoleBody", member.DisplayName, RoleName(role)], yesText: A["Staff.RemoveRoleConfirm"], cancelText: A["Staff.Cancel"]);
        if (confirmed != true)
        {
            return;
        }

        _busy = true;
        try
        {
            var refusal = await RemoveRole.HandleAsync(member.UserId, role, CancellationToken.None);
            Report(refusal, A["Staff.RoleRemoved", member.DisplayName, RoleName(role)]);
            await ReloadAsync();
        }
        finally
        {
            _busy = false;
        }
    }

    private async Task RevokeAsync(StaffInvitationRow invitation)
    {
        if (_busy)
        {
            return;
        }

        _busy = true;
        try
        {
            var refusal = await Revoke.HandleAsync(invitation.Id, CancellationToken.None);
            Report(refusal, A["Staff.InvitationRevoked", invitation.Email]);
            await ReloadAsync();
        }
        finally
        {
            _busy = false;
        }
    }

    private void Report(string? refusal, string done)
    {
        _failed = refusal is not null;
        _message = refusal is null ? done : ErrorTexts.For(refusal);
    }

    private string RoleName(StaffRole role) => A[$"Staff.Role.{role}"];

    private bool IsOpen(StaffInvitationRow invitation) =>
        invitation.AcceptedAt is null && invitation.RevokedAt is null && invitation.ExpiresAt > Clock.GetUtcNow();

    private async Task InviteAsync()
    {
        if (_busy)
        {
            return;
        }

        _busy = true;
        try
        {
            var email = _email?.Trim() ?? string.Empty;
            var refusal = await Invite.HandleAsync(email, _role, new Uri(Navigation.BaseUri), CancellationToken.None);
            _failed = refusal is not null;
            _message = refusal is null ? A["Staff.Invited", email].Value : A["Staff.InvalidEmail"].Value;
            if (refusal is null)
            {
                _email = null;
                _invitations = await List.HandleAsync(CancellationToken.None);
            }
        }
        finally
        {
            _busy = false;
        }
    }

    private string State(StaffInvitationRow invitation) =>
        invitation.AcceptedAt is { } at ? A["Staff.State.Accepted", DisplayFormat.SeoulDateTime(at)]
        : invitation.RevokedAt is { } revoked ? A["Staff.State.Revoked", DisplayFormat.SeoulDateTime(revoked)]
        : invitation.ExpiresAt <= Clock.GetUtcNow() ? A["Staff.State.Expired"]
        : A["Staff.State.Pending", DisplayFormat.SeoulDateTime(invitation.ExpiresAt)];
}
