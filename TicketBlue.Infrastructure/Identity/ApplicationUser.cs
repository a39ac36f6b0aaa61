using Microsoft.AspNetCore.Identity;

namespace TicketBlue.Infrastructure.Identity;

/// <summary>A customer or an admin. The domain refers to users only by <see cref="IdentityUser.Id"/>.</summary>
public sealed class ApplicationUser : IdentityUser
{
    /// <summary>The name printed on tickets and in greetings (이름).</summary>
    public string DisplayName { get; set; } = string.Empty;

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset? LastLoginAt { get; set; }

    /// <summary>
    /// Set by the dormant-account job after long inactivity (휴면 계정). A dormant user must
    /// re-verify before signing in; their reservations are kept.
    /// </summary>
    public bool IsDormant { get; set; }

    public DateTimeOffset? DormantSince { get; set; }
}
