using Microsoft.AspNetCore.Identity;
using TicketBlue.Infrastructure.Notifications.Templates;
using TicketBlue.Infrastructure.Persistence;

namespace TicketBlue.Infrastructure.Accounts;

/// <summary>What opening a reset link and choosing a password came to.</summary>
public sealed record PasswordResetResult(bool Succeeded, bool LinkInvalid, IReadOnlyList<IdentityError> Errors)
{
    public static readonly PasswordResetResult Done = new(true, false, []);
    public static readonly PasswordResetResult Invalid = new(false, true, []);
}

/// <summary>
/// 비밀번호 찾기: a one-time link by e-mail, valid 30 minutes (<see cref="PasswordResetTokenProvider"/>).
/// Asking never says whether the address has an account: the caller gets nothing back, and an unknown
/// or dormant address simply gets no mail. Resetting rotates the security stamp, which ends the
/// account's other sessions and API refresh tokens like a password change.
/// </summary>
public sealed class PasswordResets(UserManager<ApplicationUser> users, TicketBlueDbContext context, TimeProvider clock)
{
    public async Task RequestAsync(string email, Uri siteRoot, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(siteRoot);
        var user = string.IsNullOrWhiteSpace(email) ? null : await users.FindByEmailAsync(email.Trim());
        if (user is null || user.IsDormant || user.WithdrawnAt is not null || user.Email is null)
        {
            return;
        }

        var token = await users.GeneratePasswordResetTokenAsync(user);
        var link = new Uri(siteRoot, $"{AccountLinks.ResetPasswordPath}?userId={Uri.EscapeDataString(user.Id)}&code={AccountLinks.Encode(token)}");
        var now = clock.GetUtcNow();
        var payload = new PasswordResetPayload(user.DisplayName, user.Email, link.AbsoluteUri, now + PasswordResetTokenProvider.Lifespan);
        await AccountMail.QueueAsync(context, PasswordResetTemplate.Name, user.Email, user.Id, payload, now, cancellationToken);
    }

    /// <summary>True when the link can still set a password (checked before the form is shown).</summary>
    public async Task<bool> IsValidAsync(string? userId, string? code)
    {
        var (user, token) = await ResolveAsync(userId, code);
        return user is not null
            && await users.VerifyUserTokenAsync(user, users.Options.Tokens.PasswordResetTokenProvider, UserManager<ApplicationUser>.ResetPasswordTokenPurpose, token!);
    }

    public async Task<PasswordResetResult> ResetAsync(string? userId, string? code, string newPassword)
    {
        var (user, token) = await ResolveAsync(userId, code);
        if (user is null)
        {
            return PasswordResetResult.Invalid;
        }

        var result = await users.ResetPasswordAsync(user, token!, newPassword);
        if (result.Succeeded)
        {
            return PasswordResetResult.Done;
        }

        return result.Errors.Any(error => error.Code == nameof(IdentityErrorDescriber.InvalidToken))
            ? PasswordResetResult.Invalid
            : new PasswordResetResult(false, false, result.Errors.ToList());
    }

    private async Task<(ApplicationUser? User, string? Token)> ResolveAsync(string? userId, string? code)
    {
        var token = AccountLinks.Decode(code);
        if (token is null || string.IsNullOrWhiteSpace(userId))
        {
            return (null, null);
        }

        var user = await users.FindByIdAsync(userId);
        return user is null || user.IsDormant || user.WithdrawnAt is not null ? (null, null) : (user, token);
    }
}
