using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;

namespace TicketBlue.Infrastructure.Accounts;

/// <summary>
/// Password-reset tokens: the account id, the issue time and the security stamp, protected with the
/// data-protection keys every node shares. Valid for <see cref="Lifespan"/> from issue, read from
/// <see cref="TimeProvider"/> (Identity's <see cref="DataProtectorTokenProvider{TUser}"/> reads the wall
/// clock and shares one lifespan with every other token). A reset rotates the security stamp, so a link
/// works once, and a password change or a newer reset makes older links useless too.
/// </summary>
public sealed class PasswordResetTokenProvider(IDataProtectionProvider protection, TimeProvider clock) : IUserTwoFactorTokenProvider<ApplicationUser>
{
    /// <summary>The provider's name in <see cref="TokenOptions"/>.</summary>
    public const string ProviderName = "TicketBluePasswordReset";

    /// <summary>How long a reset link works (issue 16: 30 minutes).</summary>
    public static readonly TimeSpan Lifespan = TimeSpan.FromMinutes(30);

    private readonly IDataProtector _protector = protection.CreateProtector("TicketBlue.PasswordReset.v1");

    public Task<bool> CanGenerateTwoFactorTokenAsync(UserManager<ApplicationUser> manager, ApplicationUser user) => Task.FromResult(false);

    public async Task<string> GenerateAsync(string purpose, UserManager<ApplicationUser> manager, ApplicationUser user)
    {
        ArgumentNullException.ThrowIfNull(manager);
        var stamp = await manager.GetSecurityStampAsync(user);
        var issued = clock.GetUtcNow().ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture);
        var plain = string.Join('\n', purpose, await manager.GetUserIdAsync(user), issued, stamp);
        return Convert.ToBase64String(_protector.Protect(Encoding.UTF8.GetBytes(plain)));
    }

    public async Task<bool> ValidateAsync(string purpose, string token, UserManager<ApplicationUser> manager, ApplicationUser user)
    {
        ArgumentNullException.ThrowIfNull(manager);
        string[] parts;
        try
        {
            parts = Encoding.UTF8.GetString(_protector.Unprotect(Convert.FromBase64String(token))).Split('\n');
        }
        catch (Exception exception) when (exception is FormatException or CryptographicException)
        {
            return false;
        }

        if (parts.Length != 4 || parts[0] != purpose || parts[1] != await manager.GetUserIdAsync(user)
            || !long.TryParse(parts[2], NumberStyles.None, CultureInfo.InvariantCulture, out var issuedMs))
        {
            return false;
        }

        var issued = DateTimeOffset.FromUnixTimeMilliseconds(issuedMs);
        var now = clock.GetUtcNow();
        var stamp = await manager.GetSecurityStampAsync(user);
        return now >= issued && now - issued < Lifespan
            && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(parts[3]), Encoding.UTF8.GetBytes(stamp));
    }
}
