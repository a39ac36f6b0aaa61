using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Localization;
using TicketBlue.Domain.Accounts;
using TicketBlue.Web.Features.Admin.Staff;
using TicketBlue.Web.Localization;

namespace TicketBlue.Web.Components.Pages.Admin.Staff;

/// <summary>
/// <c>/admin/staff</c> (직원): an admin invites a new admin or gate staff member by e-mail, and sees the latest
/// invitations with their state. The link works once and expires; sending and accepting are in the audit log.
/// </summary>
public sealed partial class AdminStaffPage
{
    private IReadOnlyList<StaffInvitationRow> _invitations = [];
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
    private NavigationManager Navigation { get; set; } = default!;

    [Inject]
    private TimeProvider Clock { get; set; } = default!;

    [Inject]
    private IStringLocalizer<AdminResource> A { get; set; } = default!;

    protected override async Task OnInitializedAsync() => _invitations = await List.HandleAsync(CancellationToken.None);

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
        : invitation.ExpiresAt <= Clock.GetUtcNow() ? A["Staff.State.Expired"]
        : A["Staff.State.Pending", DisplayFormat.SeoulDateTime(invitation.ExpiresAt)];
}
