using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using TicketBlue.Domain.Accounts;
using TicketBlue.Domain.Common;
using TicketBlue.Infrastructure.Accounts.Dormancy;
using TicketBlue.Infrastructure.Notifications.Templates;
using TicketBlue.Infrastructure.Persistence;

namespace TicketBlue.Infrastructure.Accounts;

/// <summary>What 내 정보 shows.</summary>
public sealed record AccountProfile(string Email, bool EmailConfirmed, string DisplayName, string? PhoneNumber);

/// <summary>A password change: Identity's result, and how long to wait when too many current passwords were wrong.</summary>
public sealed record PasswordChange(IdentityResult Result, TimeSpan RetryAfter = default)
{
    public bool Throttled => RetryAfter > TimeSpan.Zero;
}

/// <summary>
/// 내 정보: name and phone, the e-mail address (changed only when a link mailed to the new address is
/// opened) and the password (with the current one). Changing the password or the address rotates the
/// security stamp: the account's other sessions end at their next check and its API refresh tokens are
/// refused (<c>AuthApi</c> validates the stamp); the page re-issues its own cookie.
/// Errors are <see cref="IdentityError"/>s whose <c>Code</c> is stable (the domain's or Identity's).
/// </summary>
public sealed class AccountProfiles(
    UserManager<ApplicationUser> users,
    TicketBlueDbContext context,
    DormantPersonalDataStore dormantData,
    WelcomeCoupons welcomeCoupons,
    CurrentPasswords currentPasswords,
    IOptions<DataProtectionTokenProviderOptions> tokenOptions,
    TimeProvider clock)
{
    public const string EmailUnchanged = "account.email_unchanged";

    public async Task<AccountProfile?> GetAsync(string userId)
    {
        var user = await users.FindByIdAsync(userId);
        return user is null || user.Email is null ? null : new AccountProfile(user.Email, user.EmailConfirmed, user.DisplayName, user.PhoneNumber);
    }

    public async Task<IdentityResult> UpdateDetailsAsync(string userId, string? displayName, string? phoneNumber)
    {
        var user = await users.FindByIdAsync(userId) ?? throw new InvalidOperationException($"User {userId} does not exist.");
        try
        {
            user.DisplayName = AccountDetails.DisplayName(displayName);
            user.PhoneNumber = AccountDetails.PhoneNumber(phoneNumber);
        }
        catch (DomainException exception)
        {
            return IdentityResult.Failed(new IdentityError { Code = exception.Code, Description = exception.Message });
        }

        return await users.UpdateAsync(user);
    }

    public const string PasswordThrottled = "account.password_throttled";

    /// <summary>
    /// Sets <paramref name="newPassword"/> once <paramref name="currentPassword"/> is right. Each try counts
    /// like a sign-in attempt from <paramref name="client"/> (<see cref="CurrentPasswords"/>): past the free
    /// ones it is refused unchecked with <see cref="PasswordThrottled"/> and the wait.
    /// </summary>
    public async Task<PasswordChange> ChangePasswordAsync(ApplicationUser user, string currentPassword, string newPassword, IPAddress? client)
    {
        var wait = await currentPasswords.BeginAsync(user, client);
        if (wait > TimeSpan.Zero)
        {
            return new PasswordChange(IdentityResult.Failed(new IdentityError { Code = PasswordThrottled, Description = "비밀번호를 여러 번 틀렸습니다. 잠시 후 다시 시도해 주세요." }), wait);
        }

        var result = await users.ChangePasswordAsync(user, currentPassword, newPassword);
        if (!result.Errors.Any(error => error.Code == nameof(IdentityErrorDescriber.PasswordMismatch)))
        {
            // The current password was right (whether or not the new one was accepted).
            await currentPasswords.SucceededAsync(user, client);
        }

        return new PasswordChange(result);
    }

    /// <summary>
    /// Mails a link to <paramref name="newEmail"/>. An address that belongs to another account (live or
    /// dormant) gets nothing, and the caller is told the same as for a free one: no enumeration.
    /// </summary>
    public async Task<IdentityResult> RequestEmailChangeAsync(string userId, string newEmail, Uri siteRoot, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(siteRoot);
        var user = await users.FindByIdAsync(userId) ?? throw new InvalidOperationException($"User {userId} does not exist.");
        var address = newEmail.Trim();
        var normalized = users.NormalizeEmail(address);
        if (normalized == user.NormalizedEmail)
        {
            return IdentityResult.Failed(new IdentityError { Code = EmailUnchanged, Description = "지금 쓰는 이메일과 같습니다." });
        }

        if (await users.FindByEmailAsync(address) is not null || await dormantData.IsTakenAsync(context, normalized, cancellationToken))
        {
            return IdentityResult.Success;
        }

        var token = await users.GenerateChangeEmailTokenAsync(user, address);
        var link = new Uri(siteRoot, $"{AccountLinks.ConfirmEmailChangePath}?userId={Uri.EscapeDataString(user.Id)}&email={Uri.EscapeDataString(address)}&code={AccountLinks.Encode(token)}");
        var now = clock.GetUtcNow();
        var payload = new EmailChangePayload(user.DisplayName, address, link.AbsoluteUri, now + tokenOptions.Value.TokenLifespan);
        await AccountMail.QueueAsync(context, EmailChangeTemplate.Name, address, user.Id, payload, now, cancellationToken);
        return IdentityResult.Success;
    }

    /// <summary>Opens the new address's link: the address (and the sign-in name) change, confirmed. False for a bad, used or expired link.</summary>
    public async Task<bool> ConfirmEmailChangeAsync(string? userId, string? email, string? code, CancellationToken cancellationToken)
    {
        var token = AccountLinks.Decode(code);
        if (token is null || string.IsNullOrWhiteSpace(userId) || string.IsNullOrWhiteSpace(email))
        {
            return false;
        }

        var user = await users.FindByIdAsync(userId);
        if (user is null || user.IsDormant || user.WithdrawnAt is not null)
        {
            return false;
        }

        // ChangeEmailAsync checks the token (bound to the new address and the security stamp), confirms
        // the address and rotates the stamp, so the link works once and other sessions end.
        var changed = await users.ChangeEmailAsync(user, email, token);
        if (!changed.Succeeded || !(await users.SetUserNameAsync(user, email)).Succeeded)
        {
            return false;
        }

        if (await users.IsInRoleAsync(user, Roles.Customer))
        {
            await welcomeCoupons.IssueAsync(context, user.Id, user.NormalizedEmail!, cancellationToken);
        }

        return true;
    }
}
