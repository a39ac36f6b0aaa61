using System.Globalization;
using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;
using TicketBlue.Domain.WaitingRoom;

namespace TicketBlue.Infrastructure.WaitingRoom;

/// <summary>
/// Admission tokens: an <see cref="Admission"/> sealed by ASP.NET Core Data Protection (authenticated
/// encryption, purpose-bound). The key ring is the app's, already shared by every node through Redis
/// and rotated by the framework, so a token issued on one node opens on all, and each node keeps the
/// ring in memory: tokens still open while Redis is down. The expiry travels inside the token and is
/// checked against the app's <see cref="TimeProvider"/>, the clock every other rule uses.
/// </summary>
public sealed class AdmissionTokens(IDataProtectionProvider provider)
{
    private const string Version = "q1";

    private readonly IDataProtector _protector = provider.CreateProtector("TicketBlue.WaitingRoom.Admission.v1");

    public string Issue(Admission admission)
    {
        ArgumentNullException.ThrowIfNull(admission);
        return _protector.Protect(string.Join(
            '|',
            Version,
            admission.RoundId.ToString(CultureInfo.InvariantCulture),
            admission.UserId,
            admission.AdmittedAt.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture),
            admission.ExpiresAt.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture)));
    }

    /// <summary>The admission inside a token, or null when it is not one of ours (forged, altered, truncated).</summary>
    public Admission? Read(string? token)
    {
        if (string.IsNullOrWhiteSpace(token) || token.Length > 2_000)
        {
            return null;
        }

        string payload;
        try
        {
            payload = _protector.Unprotect(token);
        }
        catch (CryptographicException)
        {
            return null;
        }

        var parts = payload.Split('|');
        return parts is [Version, var round, var user, var admitted, var expires]
            && long.TryParse(round, NumberStyles.None, CultureInfo.InvariantCulture, out var roundId)
            && long.TryParse(admitted, NumberStyles.None, CultureInfo.InvariantCulture, out var admittedAt)
            && long.TryParse(expires, NumberStyles.None, CultureInfo.InvariantCulture, out var expiresAt)
                ? new Admission(roundId, user, DateTimeOffset.FromUnixTimeMilliseconds(admittedAt), DateTimeOffset.FromUnixTimeMilliseconds(expiresAt))
                : null;
    }

    /// <summary>Whether the token admits this customer to this round now.</summary>
    public bool Admits(string? token, long roundId, string userId, DateTimeOffset now) =>
        Read(token)?.Admits(roundId, userId, now) == true;
}
