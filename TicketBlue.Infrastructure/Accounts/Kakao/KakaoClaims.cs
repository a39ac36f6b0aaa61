using System.Security.Claims;

namespace TicketBlue.Infrastructure.Accounts.Kakao;

/// <summary>
/// What TicketBlue reads from Kakao's ID token and user info (OIDC claims <c>email</c>,
/// <c>email_verified</c>, <c>nickname</c>). An e-mail counts only when Kakao says it is verified:
/// an unverified one would let anyone claim an address they do not own.
/// </summary>
public static class KakaoClaims
{
    public const string EmailClaim = "email";
    public const string EmailVerifiedClaim = "email_verified";
    public const string NicknameClaim = "nickname";

    public static string? VerifiedEmail(ClaimsPrincipal principal)
    {
        var email = principal.FindFirstValue(ClaimTypes.Email) ?? principal.FindFirstValue(EmailClaim);
        var verified = principal.FindAll(EmailVerifiedClaim).Any(claim => string.Equals(claim.Value, "true", StringComparison.OrdinalIgnoreCase));
        return verified && !string.IsNullOrWhiteSpace(email) ? email.Trim() : null;
    }

    public static string? Nickname(ClaimsPrincipal principal) =>
        principal.FindFirstValue(NicknameClaim) ?? principal.FindFirstValue(ClaimTypes.Name);
}
