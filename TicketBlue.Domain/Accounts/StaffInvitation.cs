using TicketBlue.Domain.Common;

namespace TicketBlue.Domain.Accounts;

/// <summary>The role an invitation grants: the whole back office, or the gate only (입장 관리).</summary>
public enum StaffRole
{
    Admin,
    Gate,
}

/// <summary>
/// An admin's one-time invitation of a new staff member by e-mail. The link carries a random token of which
/// only the SHA-256 is kept (<see cref="TokenHash"/>), so a copy of the table lets nobody in. It works once,
/// until <see cref="ExpiresAt"/>, unless an admin revokes it first; accepting it records who became staff and when.
/// </summary>
public sealed class StaffInvitation : Entity<long>
{
    public const int TokenHashLength = 64;

    private StaffInvitation()
    {
        Email = string.Empty;
        TokenHash = string.Empty;
        InvitedByUserId = string.Empty;
    }

    /// <summary>The address invited; the account made from the invitation has it.</summary>
    public string Email { get; private set; }

    public StaffRole Role { get; private set; }

    /// <summary>Hex SHA-256 of the link's token.</summary>
    public string TokenHash { get; private set; }

    public string InvitedByUserId { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset ExpiresAt { get; private set; }

    public DateTimeOffset? AcceptedAt { get; private set; }

    public string? AcceptedByUserId { get; private set; }

    /// <summary>When an admin withdrew the invitation before it was used; its link opens nothing since.</summary>
    public DateTimeOffset? RevokedAt { get; private set; }

    public string? RevokedByUserId { get; private set; }

    public static StaffInvitation Issue(string email, StaffRole role, string tokenHash, string invitedByUserId, TimeSpan validFor, DateTimeOffset now)
    {
        if (validFor <= TimeSpan.Zero)
        {
            throw new DomainException("invitation.validity", "초대 링크의 유효 기간은 0보다 길어야 합니다.");
        }

        if (!Enum.IsDefined(role))
        {
            throw new DomainException("invitation.role", "초대할 수 없는 역할입니다.");
        }

        var address = Guard.NotBlank(email, "invitation.email", "초대할 이메일을 입력해 주세요.", 256);
        if (!address.Contains('@', StringComparison.Ordinal))
        {
            throw new DomainException("invitation.email", "초대할 이메일 주소가 올바르지 않습니다.");
        }

        return new StaffInvitation
        {
            Email = address,
            Role = role,
            TokenHash = Guard.NotBlank(tokenHash, "invitation.token", "초대 토큰이 없습니다.", TokenHashLength),
            InvitedByUserId = Guard.NotBlank(invitedByUserId, "invitation.inviter", "초대한 관리자가 없습니다.", 450),
            CreatedAt = now,
            ExpiresAt = now + validFor,
        };
    }

    /// <summary>Why the invitation can no longer be used at <paramref name="now"/>, or null while it can.</summary>
    public string? RefusalAt(DateTimeOffset now) =>
        AcceptedAt is not null ? "invitation.used"
        : RevokedAt is not null ? "invitation.revoked"
        : now >= ExpiresAt ? "invitation.expired"
        : null;

    /// <summary>Marks the invitation used by <paramref name="userId"/>; refuses a used or expired one.</summary>
    public void Accept(string userId, DateTimeOffset now)
    {
        switch (RefusalAt(now))
        {
            case "invitation.used":
                throw new DomainException("invitation.used", "이미 사용된 초대 링크입니다.");
            case "invitation.revoked":
                throw new DomainException("invitation.revoked", "취소된 초대 링크입니다.");
            case "invitation.expired":
                throw new DomainException("invitation.expired", "초대 링크의 유효 기간이 지났습니다.");
        }

        AcceptedAt = now;
        AcceptedByUserId = Guard.NotBlank(userId, "invitation.user", "초대를 받은 계정이 없습니다.", 450);
    }

    /// <summary>Withdraws an invitation that is still open; a used, expired or already revoked one has nothing left to revoke.</summary>
    public void Revoke(string adminUserId, DateTimeOffset now)
    {
        if (RefusalAt(now) is not null)
        {
            throw new DomainException("invitation.not_open", "이미 사용되었거나 만료되었거나 취소된 초대는 취소할 수 없습니다.");
        }

        RevokedAt = now;
        RevokedByUserId = Guard.NotBlank(adminUserId, "invitation.revoker", "초대를 취소한 관리자가 없습니다.", 255);
    }
}
