using System.Buffers.Text;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.DataProtection;

namespace TicketBlue.Infrastructure.Accounts.Kakao;

/// <summary>The Kakao identity a mailed link carries, and the address it was sent to.</summary>
public sealed record KakaoEmailLink(string Subject, string Email, string? Nickname);

/// <summary>
/// The token in the link mailed to an address a Kakao customer supplied: the Kakao identity (<c>sub</c>,
/// nickname), the address and the issue time, protected with the data-protection keys every node shares,
/// so nobody can forge one or change its address. It works for <see cref="Lifespan"/> from issue, read from
/// <see cref="TimeProvider"/>; that it works once follows from what it does (the Kakao identity is linked
/// after its first use, and a linked identity's link is refused).
/// </summary>
public sealed class KakaoEmailLinkToken(IDataProtectionProvider protection, TimeProvider clock)
{
    /// <summary>How long a mailed link works, as long as a password-reset link.</summary>
    public static readonly TimeSpan Lifespan = TimeSpan.FromMinutes(30);

    private readonly IDataProtector _protector = protection.CreateProtector("TicketBlue.KakaoEmailLink.v1");

    public string Issue(KakaoEmailLink link)
    {
        ArgumentNullException.ThrowIfNull(link);
        var issued = clock.GetUtcNow().ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture);
        var plain = string.Join('\n', issued, link.Subject, link.Email, link.Nickname ?? string.Empty);
        return Base64Url.EncodeToString(_protector.Protect(Encoding.UTF8.GetBytes(plain)));
    }

    /// <summary>The link behind <paramref name="token"/> while it is valid; null when forged, damaged or expired.</summary>
    public KakaoEmailLink? Read(string? token)
    {
        if (string.IsNullOrWhiteSpace(token) || token.Length > 2048 || !Base64Url.IsValid(token))
        {
            return null;
        }

        string[] parts;
        try
        {
            parts = Encoding.UTF8.GetString(_protector.Unprotect(Base64Url.DecodeFromChars(token))).Split('\n');
        }
        catch (Exception exception) when (exception is FormatException or CryptographicException)
        {
            return null;
        }

        if (parts.Length != 4 || !long.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var issuedMs))
        {
            return null;
        }

        var age = clock.GetUtcNow() - DateTimeOffset.FromUnixTimeMilliseconds(issuedMs);
        return age >= TimeSpan.Zero && age < Lifespan
            ? new KakaoEmailLink(parts[1], parts[2], parts[3].Length == 0 ? null : parts[3])
            : null;
    }
}
