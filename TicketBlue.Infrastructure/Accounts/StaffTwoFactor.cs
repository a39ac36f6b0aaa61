using System.Globalization;
using System.Security.Claims;
using System.Text;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;

namespace TicketBlue.Infrastructure.Accounts;

public enum AuthenticatorSetupState
{
    /// <summary>No account has passed its password in this browser (or that was too long ago).</summary>
    NotSignedIn,

    /// <summary>The account already has an authenticator: it signs in with a code instead.</summary>
    AlreadyEnabled,

    /// <summary>The key to enter in the authenticator app.</summary>
    Ready,
}

/// <summary>What the set-up page shows: the key, grouped for typing, and the otpauth URI its QR code carries.</summary>
public sealed record AuthenticatorSetup(AuthenticatorSetupState State, string FormattedKey = "", string AuthenticatorUri = "");

/// <summary>
/// Two-factor sign-in for staff (ASVS 4.3.1) with Identity's authenticator support: TOTP from an app, recovery
/// codes for a lost phone. The password only proves the first factor: it puts the account in Identity's
/// two-factor cookie (<see cref="IdentityConstants.TwoFactorUserIdScheme"/>, five minutes), never in the
/// sign-in cookie. An account without an authenticator sets one up right then, at its first sign-in, and is
/// signed in once the app's first code is right; after that every sign-in asks for a code
/// (<see cref="SignInManager{TUser}.TwoFactorAuthenticatorSignInAsync"/>). Either way the session carries
/// <c>amr=mfa</c>, which the staff policies require.
/// </summary>
public sealed class StaffTwoFactor(SignInManager<ApplicationUser> signInManager, UserManager<ApplicationUser> users)
{
    public const string Issuer = "TicketBlue";
    public const int RecoveryCodeCount = 10;

    /// <summary>The claim and value a two-factor sign-in puts in the session.</summary>
    public const string MethodClaim = "amr";
    public const string MultiFactor = "mfa";

    /// <summary>Whether an account must sign in with two factors: staff must.</summary>
    public async Task<bool> IsRequiredForAsync(ApplicationUser user)
    {
        foreach (var role in Roles.Staff)
        {
            if (await users.IsInRoleAsync(user, role))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The password was right: remember the account for the second step, and say whether it has an authenticator yet.</summary>
    public async Task<SignInOutcome> StartAsync(ApplicationUser user)
    {
        ArgumentNullException.ThrowIfNull(user);
        var identity = new ClaimsIdentity(IdentityConstants.TwoFactorUserIdScheme);
        identity.AddClaim(new Claim(ClaimTypes.Name, user.Id));
        await signInManager.Context.SignInAsync(IdentityConstants.TwoFactorUserIdScheme, new ClaimsPrincipal(identity));
        return await users.GetTwoFactorEnabledAsync(user) ? SignInOutcome.RequiresTwoFactor : SignInOutcome.RequiresTwoFactorSetup;
    }

    /// <summary>The key for the account in the two-factor cookie, made on first sight and kept until it is enabled.</summary>
    public async Task<AuthenticatorSetup> BeginSetupAsync()
    {
        var user = await signInManager.GetTwoFactorAuthenticationUserAsync();
        if (user is null)
        {
            return new AuthenticatorSetup(AuthenticatorSetupState.NotSignedIn);
        }

        if (await users.GetTwoFactorEnabledAsync(user))
        {
            return new AuthenticatorSetup(AuthenticatorSetupState.AlreadyEnabled);
        }

        var key = await users.GetAuthenticatorKeyAsync(user);
        if (string.IsNullOrEmpty(key))
        {
            await users.ResetAuthenticatorKeyAsync(user);
            key = await users.GetAuthenticatorKeyAsync(user) ?? throw new InvalidOperationException("Identity made no authenticator key.");
        }

        var label = Uri.EscapeDataString($"{Issuer}:{user.Email}");
        var uri = string.Create(CultureInfo.InvariantCulture, $"otpauth://totp/{label}?secret={key}&issuer={Issuer}&digits=6");
        return new AuthenticatorSetup(AuthenticatorSetupState.Ready, Grouped(key), uri);
    }

    /// <summary>
    /// The app's first code: when right, the authenticator is switched on, the account is signed in with two
    /// factors and its recovery codes are returned (shown once); null when the code is wrong.
    /// </summary>
    public async Task<IReadOnlyList<string>?> EnableAsync(string code)
    {
        var user = await signInManager.GetTwoFactorAuthenticationUserAsync();
        if (user is null || await users.GetTwoFactorEnabledAsync(user))
        {
            return null;
        }

        var digits = Clean(code);
        if (!await users.VerifyTwoFactorTokenAsync(user, users.Options.Tokens.AuthenticatorTokenProvider, digits))
        {
            return null;
        }

        await users.SetTwoFactorEnabledAsync(user, true);
        var recoveryCodes = (await users.GenerateNewTwoFactorRecoveryCodesAsync(user, RecoveryCodeCount))?.ToList() ?? [];
        await signInManager.Context.SignOutAsync(IdentityConstants.TwoFactorUserIdScheme);
        await signInManager.SignInWithClaimsAsync(user, isPersistent: false, [new Claim(MethodClaim, MultiFactor)]);
        return recoveryCodes;
    }

    /// <summary>What people type: spaces and dashes from a copied code are not part of it.</summary>
    public static string Clean(string? code) =>
        (code ?? string.Empty).Replace(" ", string.Empty, StringComparison.Ordinal).Replace("-", string.Empty, StringComparison.Ordinal);

    private static string Grouped(string key)
    {
        var grouped = new StringBuilder();
        for (var i = 0; i < key.Length; i += 4)
        {
            grouped.Append(key.AsSpan(i, Math.Min(4, key.Length - i))).Append(' ');
        }

        return grouped.ToString().TrimEnd().ToLowerInvariant();
    }
}
