using System.Net;
using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using TicketBlue.Infrastructure.Accounts;
using TicketBlue.Infrastructure.Persistence;

namespace TicketBlue.Infrastructure.Accounts.Kakao;

/// <summary>
/// Customers' accounts behind 카카오 로그인. A Kakao identity (its <c>sub</c>) is linked to one account:
/// <list type="bullet">
/// <item>already linked: that account signs in (unless dormant, locked or an admin);</item>
/// <item>a verified Kakao e-mail of an existing account: linked only after that account's password
/// (the original system linked silently by e-mail, so whoever controlled the Kakao side took the account);</item>
/// <item>a verified e-mail of nobody: a new customer account with that address, confirmed;</item>
/// <item>no verified e-mail: the customer supplies one, and nothing happens before the link mailed there
/// is opened (<see cref="KakaoEmailLinks"/>; the original put every such customer into one shared account).</item>
/// </list>
/// A Kakao-verified or link-confirmed address earns the welcome coupon at once, as a confirmed one does.
/// Kakao also re-authenticates its customers before withdrawal.
/// </summary>
public sealed class KakaoAccounts(
    UserManager<ApplicationUser> users,
    SignInManager<ApplicationUser> signIn,
    AccountService accounts,
    StaffTwoFactor twoFactor,
    IEmailConfirmations confirmations,
    WelcomeCoupons welcomeCoupons,
    RecentAuthentication recentAuthentication,
    TicketBlueDbContext context,
    TimeProvider clock)
{
    /// <summary>The authentication scheme and the login provider name stored with linked accounts.</summary>
    public const string Provider = "Kakao";

    private const int DisplayNameLength = 50;

    /// <summary>Signs in the account the Kakao identity in <paramref name="login"/> belongs to, or says what is needed first.</summary>
    public async Task<KakaoSignIn> SignInAsync(ExternalLoginInfo login, Uri siteRoot)
    {
        var linked = await users.FindByLoginAsync(login.LoginProvider, login.ProviderKey);
        if (linked is not null)
        {
            return await SignInLinkedAsync(linked, siteRoot);
        }

        var email = KakaoClaims.VerifiedEmail(login.Principal);
        if (email is null)
        {
            return new KakaoSignIn(KakaoSignInOutcome.EmailNeeded);
        }

        return await CreateLinkedAsync(login, email);
    }

    /// <summary>
    /// Links the Kakao identity to the account of <paramref name="email"/> once its password is right
    /// (the same throttled check as the sign-in page), and signs that account in.
    /// </summary>
    public async Task<SignInAttempt> LinkWithPasswordAsync(ExternalLoginInfo login, string email, string password, IPAddress? client, Uri siteRoot)
    {
        var attempt = await accounts.PasswordSignInAsync(email, password, remember: false, client, siteRoot);
        if (attempt.Outcome != SignInOutcome.Succeeded)
        {
            return attempt;
        }

        var user = await users.FindByEmailAsync(email.Trim());
        if (user is null || await twoFactor.IsRequiredForAsync(user))
        {
            await signIn.SignOutAsync();
            return new SignInAttempt(SignInOutcome.Failed);
        }

        var linked = await users.AddLoginAsync(user, login);
        if (!linked.Succeeded)
        {
            // Linked meanwhile (a second tab) is fine when it is to this account; to another one it is not.
            var owner = await users.FindByLoginAsync(login.LoginProvider, login.ProviderKey);
            if (owner?.Id != user.Id)
            {
                await signIn.SignOutAsync();
                return new SignInAttempt(SignInOutcome.Failed);
            }
        }

        return attempt;
    }

    /// <summary>True when the account has a Kakao identity linked (it can re-authenticate through Kakao).</summary>
    public async Task<bool> IsLinkedAsync(string userId) =>
        await users.FindByIdAsync(userId) is { } user && (await users.GetLoginsAsync(user)).Any(login => login.LoginProvider == Provider);

    /// <summary>
    /// A fresh Kakao sign-in (<c>prompt=login</c>) of the Kakao identity linked to <paramref name="userId"/>
    /// counts as typing the password again (<see cref="RecentAuthentication"/>); any other identity does not.
    /// </summary>
    public async Task<bool> ReauthenticateAsync(string userId, ExternalLoginInfo login)
    {
        var owner = await users.FindByLoginAsync(login.LoginProvider, login.ProviderKey);
        if (owner?.Id != userId)
        {
            return false;
        }

        await recentAuthentication.MarkAsync(userId);
        return true;
    }

    private async Task<KakaoSignIn> SignInLinkedAsync(ApplicationUser user, Uri siteRoot)
    {
        if (await twoFactor.IsRequiredForAsync(user))
        {
            return new KakaoSignIn(KakaoSignInOutcome.AdminRefused);
        }

        if (user.IsDormant || !await accounts.RecordSignInAsync(user.Id))
        {
            // Kakao proved who this is, as a right password does: only now may dormancy be told.
            await confirmations.SendDormancyReleaseLinkAsync(user.Id, siteRoot, CancellationToken.None);
            return new KakaoSignIn(KakaoSignInOutcome.Dormant);
        }

        if (await users.IsLockedOutAsync(user))
        {
            return new KakaoSignIn(KakaoSignInOutcome.LockedOut);
        }

        await signIn.SignInAsync(user, isPersistent: false, authenticationMethod: Provider);
        return new KakaoSignIn(KakaoSignInOutcome.SignedIn);
    }

    /// <summary>
    /// A new confirmed customer account with <paramref name="email"/> (verified by Kakao, or by the mailed
    /// link it was opened from), linked to the Kakao identity, with the welcome coupon, signed in. An address
    /// that belongs to an account answers <see cref="KakaoSignInOutcome.PasswordNeeded"/>.
    /// </summary>
    internal async Task<KakaoSignIn> CreateLinkedAsync(ExternalLoginInfo login, string email)
    {
        if (await users.FindByEmailAsync(email) is not null)
        {
            return new KakaoSignIn(KakaoSignInOutcome.PasswordNeeded, email);
        }

        var user = new ApplicationUser
        {
            UserName = email,
            Email = email,
            EmailConfirmed = true,
            DisplayName = DisplayName(login.Principal, email),
            CreatedAt = clock.GetUtcNow(),
        };
        var created = await users.CreateAsync(user);
        if (!created.Succeeded)
        {
            // A dormant account's address (its e-mail lives apart) or a race with a sign-up of the same
            // address: either way an account owns it, and only its password may link it.
            return new KakaoSignIn(KakaoSignInOutcome.PasswordNeeded, email);
        }

        var linked = await users.AddToRoleAsync(user, Roles.Customer);
        if (linked.Succeeded)
        {
            linked = await users.AddLoginAsync(user, login);
        }

        if (!linked.Succeeded)
        {
            await users.DeleteAsync(user);
            throw new InvalidOperationException($"A Kakao account could not be created: {string.Join(", ", linked.Errors.Select(error => error.Code))}");
        }

        await welcomeCoupons.IssueAsync(context, user.Id, user.NormalizedEmail!, CancellationToken.None);

        await accounts.RecordSignInAsync(user.Id);
        await signIn.SignInAsync(user, isPersistent: false, authenticationMethod: Provider);
        return new KakaoSignIn(KakaoSignInOutcome.SignedIn);
    }

    private static string DisplayName(ClaimsPrincipal principal, string email)
    {
        var name = KakaoClaims.Nickname(principal);
        if (string.IsNullOrWhiteSpace(name))
        {
            name = email.Split('@')[0];
        }

        name = name.Trim();
        return name.Length <= DisplayNameLength ? name : name[..DisplayNameLength];
    }
}
