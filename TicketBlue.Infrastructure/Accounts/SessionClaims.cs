using System.Globalization;
using System.Security.Claims;
using System.Security.Cryptography;

namespace TicketBlue.Infrastructure.Accounts;

/// <summary>
/// What a sign-in cookie says about its session, beyond who it is: a random session id and when the session
/// began. Added once when signing in and carried over when the security-stamp check rebuilds the principal,
/// so neither moves while the session lasts. A live circuit reads them from its principal.
/// </summary>
public static class SessionClaims
{
    public const string SessionId = "tb:sid";
    public const string SignedInAt = "tb:signed_in";

    /// <summary>Claims the security-stamp check must not drop when it rebuilds the principal.</summary>
    public static readonly IReadOnlyList<string> Carried = [SessionId, SignedInAt, "amr"];

    /// <summary>Starts a session on <paramref name="identity"/> (once: an identity that has one keeps it); returns its id.</summary>
    public static string Begin(ClaimsIdentity identity, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(identity);
        if (identity.FindFirst(SessionId) is { } existing)
        {
            return existing.Value;
        }

        var sessionId = Convert.ToHexString(RandomNumberGenerator.GetBytes(16));
        identity.AddClaim(new Claim(SessionId, sessionId));
        identity.AddClaim(new Claim(SignedInAt, now.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture), ClaimValueTypes.Integer64));
        return sessionId;
    }

    /// <summary>The session's id and start, when the principal carries them.</summary>
    public static bool TryRead(ClaimsPrincipal principal, out string sessionId, out DateTimeOffset signedInAt)
    {
        ArgumentNullException.ThrowIfNull(principal);
        sessionId = principal.FindFirstValue(SessionId) ?? string.Empty;
        signedInAt = default;
        if (sessionId.Length == 0
            || !long.TryParse(principal.FindFirstValue(SignedInAt), NumberStyles.Integer, CultureInfo.InvariantCulture, out var seconds))
        {
            return false;
        }

        signedInAt = DateTimeOffset.FromUnixTimeSeconds(seconds);
        return true;
    }

    /// <summary>Copies the session's claims from the principal being replaced to the one replacing it.</summary>
    public static void CarryOver(ClaimsPrincipal from, ClaimsPrincipal to)
    {
        ArgumentNullException.ThrowIfNull(from);
        ArgumentNullException.ThrowIfNull(to);
        if (to.Identity is not ClaimsIdentity identity)
        {
            return;
        }

        foreach (var claim in from.Claims.Where(claim => Carried.Contains(claim.Type) && !to.HasClaim(claim.Type, claim.Value)))
        {
            identity.AddClaim(new Claim(claim.Type, claim.Value, claim.ValueType));
        }
    }
}
