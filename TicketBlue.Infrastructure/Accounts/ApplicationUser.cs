using Microsoft.AspNetCore.Identity;

namespace TicketBlue.Infrastructure.Accounts;

/// <summary>A customer or an admin. The domain refers to users only by <see cref="IdentityUser.Id"/>.</summary>
public sealed class ApplicationUser : IdentityUser
{
    /// <summary>The name printed on tickets and in greetings (이름).</summary>
    public string DisplayName { get; set; } = string.Empty;

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset? LastLoginAt { get; set; }

    /// <summary>
    /// <see cref="LastLoginAt"/>, or <see cref="CreatedAt"/> for an account that never signed in: the
    /// activity the dormancy rule reads (<c>DormancyPolicy.LastActivity</c>). Computed and indexed by
    /// MariaDB, so the nightly selection reads an index range instead of every account.
    /// </summary>
    public DateTimeOffset LastActiveAt { get; private set; }

    /// <summary>When the dormancy notice (휴면 예정 안내) for the current period was queued; older than <see cref="LastActiveAt"/> means none yet.</summary>
    public DateTimeOffset? DormancyNoticedAt { get; set; }

    /// <summary>
    /// Set by the dormant-account job after long inactivity (휴면 계정). The row then holds no personal
    /// data (e-mail, user name, name, phone are in <c>DormantPersonalData</c>); signing in again needs
    /// the e-mail link (휴면 해제). Their reservations are kept.
    /// </summary>
    public bool IsDormant { get; set; }

    public DateTimeOffset? DormantSince { get; set; }

    /// <summary>
    /// Set when the customer withdrew (회원 탈퇴): the row then holds no personal data and cannot sign
    /// in; it stays because reservations and payments refer to it until their legal retention ends.
    /// </summary>
    public DateTimeOffset? WithdrawnAt { get; set; }
}
