using System.Net;
using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using TicketBlue.Infrastructure.Accounts;
using TicketBlue.Infrastructure.Accounts.Dormancy;
using TicketBlue.Infrastructure.Persistence;

namespace TicketBlue.Infrastructure.Accounts;

public enum SignInOutcome
{
    Succeeded,
    Failed,

    /// <summary>Locked by an operator (Identity's LockoutEnd); wrong passwords never lock (ADR-003).</summary>
    LockedOut,
    Dormant,

    /// <summary>Staff: the password was right; the authenticator's code comes next (<see cref="StaffTwoFactor"/>).</summary>
    RequiresTwoFactor,

    /// <summary>Staff without an authenticator yet: the password was right; setting one up comes next.</summary>
    RequiresTwoFactorSetup,

    /// <summary>Too many attempts lately: not checked, try again after <see cref="SignInAttempt.RetryAfter"/>.</summary>
    Throttled,
}

/// <summary>What a sign-in attempt came to, and for <see cref="SignInOutcome.Throttled"/> how long to wait.</summary>
public sealed record SignInAttempt(SignInOutcome Outcome, TimeSpan RetryAfter = default);

/// <summary>
/// What a sign-up returns: the new user's id, or the reasons it was refused. <see cref="AddressTaken"/>:
/// the address has an account already and its owner was mailed; the page answers exactly as for a new
/// account (issue 16, no enumeration).
/// </summary>
public sealed record SignUpResult(string? UserId, IReadOnlyList<IdentityError> Errors, bool AddressTaken = false)
{
    public bool Succeeded => UserId is not null;

    /// <summary>Succeeded, or the address was taken: what the person signing up is told is the same.</summary>
    public bool Answered => Succeeded || AddressTaken;

    public static SignUpResult Taken { get; } = new(null, [], AddressTaken: true);

    public static SignUpResult Failed(params IdentityError[] errors) => new(null, errors);
}

/// <summary>
/// Account rules that go beyond Identity's defaults: customers sign up as customers only, admins
/// only with a valid invitation code, failed sign-ins count towards lockout, dormant accounts
/// cannot sign in, and every sign-in records its time (the dormant-account job reads it). Attempts are
/// throttled per account and client address (<see cref="SignInThrottle"/>) instead of locking the account.
/// </summary>
public sealed class AccountService(
    UserManager<ApplicationUser> userManager,
    SignInManager<ApplicationUser> signInManager,
    SignInThrottle throttle,
    IOptions<AdminInvitationOptions> invitation,
    TicketBlueDbContext context,
    DormantPersonalDataStore dormantData,
    IEmailConfirmations confirmations,
    AccountMails accountMails,
    StaffTwoFactor twoFactor,
    TimeProvider clock)
{
    public const string InvalidInvitationCode = "InvalidInvitationCode";
    public const string AdminSignUpClosed = "AdminSignUpClosed";

    /// <summary>
    /// Signs a customer up. An address that has an account already (live or dormant) is not refused:
    /// other mistakes in the form are reported as usual, and otherwise the result is
    /// <see cref="SignUpResult.Taken"/>, which the page answers as a new sign-up, while the owner gets a
    /// mail saying so (with <paramref name="siteRoot"/>; a dormant owner gets nothing, since reading the
    /// separated address for a stranger's request would be an unjustified read).
    /// </summary>
    public async Task<SignUpResult> SignUpCustomerAsync(string email, string displayName, string password, Uri? siteRoot = null)
    {
        var result = await CreateAsync(email, displayName, password, Roles.Customer);
        if (result.Succeeded || !result.Errors.Any(IsTakenAddress))
        {
            return result;
        }

        var otherMistakes = result.Errors.Where(error => !IsTakenAddress(error)).ToList();
        if (otherMistakes.Count > 0)
        {
            return new SignUpResult(null, otherMistakes);
        }

        if (siteRoot is not null)
        {
            await accountMails.SendAccountExistsAsync(email, siteRoot, CancellationToken.None);
        }

        return SignUpResult.Taken;
    }

    private static bool IsTakenAddress(IdentityError error) =>
        error.Code is nameof(IdentityErrorDescriber.DuplicateEmail) or nameof(IdentityErrorDescriber.DuplicateUserName);

    /// <summary>
    /// The very first admin of an empty system, with the configured invitation code. Once an admin exists the
    /// code opens nothing: further staff come by one-time invitation (<see cref="StaffInvitations"/>).
    /// </summary>
    public async Task<SignUpResult> SignUpAdminAsync(string email, string displayName, string password, string? invitationCode)
    {
        if (!invitation.Value.IsOpen || await StaffInvitations.AnyAdminAsync(context, CancellationToken.None))
        {
            return SignUpResult.Failed(new IdentityError { Code = AdminSignUpClosed, Description = "관리자 가입이 열려 있지 않습니다." });
        }

        if (!invitation.Value.Accepts(invitationCode))
        {
            return SignUpResult.Failed(new IdentityError { Code = InvalidInvitationCode, Description = "초대 코드가 올바르지 않습니다." });
        }

        return await CreateAsync(email, displayName, password, Roles.Admin);
    }

    /// <summary>
    /// Signs in with a password from <paramref name="client"/> (the caller's address, after trusted proxies).
    /// An attempt over the throttle's count is refused before the password is looked at, unknown e-mails
    /// included, so the answer never reveals which accounts exist. A dormant account is found by its
    /// e-mail lookup and answers <see cref="SignInOutcome.Dormant"/> only after its password was checked
    /// (a wrong one answers <see cref="SignInOutcome.Failed"/> like any other); with <paramref name="siteRoot"/>
    /// the 휴면 해제 link is then mailed to the account's separated address.
    /// </summary>
    public async Task<SignInAttempt> PasswordSignInAsync(string email, string password, bool remember, IPAddress? client, Uri? siteRoot = null)
    {
        var wait = await throttle.BeginAsync(email, client);
        if (wait > TimeSpan.Zero)
        {
            return new SignInAttempt(SignInOutcome.Throttled, wait);
        }

        var user = await userManager.FindByEmailAsync(email.Trim()) ?? await FindDormantAsync(email);
        if (user is null || user.WithdrawnAt is not null)
        {
            // Same work as a real check, so response time does not reveal which e-mails exist.
            userManager.PasswordHasher.HashPassword(new ApplicationUser(), password);
            return new SignInAttempt(SignInOutcome.Failed);
        }

        if (user.IsDormant)
        {
            return await DormantSignInAsync(user, email, password, client, siteRoot);
        }

        // The password first, then the sign-in time, then the cookie or token: the time is written only
        // while the account is not dormant, so a sign-in racing the dormant-account job either lands
        // before it (and the job leaves the account alone) or finds the account dormant.
        var result = await signInManager.CheckPasswordSignInAsync(user, password, lockoutOnFailure: false);
        if (result.Succeeded)
        {
            await throttle.SucceededAsync(email, client);
            if (!await RecordSignInAsync(user.Id))
            {
                return await DormantSignInAsync(user, email, password, client, siteRoot);
            }

            // Staff prove a second factor before any session (ASVS 4.3.1); the API issues them no tokens.
            if (await twoFactor.IsRequiredForAsync(user))
            {
                return new SignInAttempt(signInManager.AuthenticationScheme == IdentityConstants.BearerScheme
                    ? SignInOutcome.Failed
                    : await twoFactor.StartAsync(user));
            }

            // As Identity's own password sign-in does, for customers (who are not offered a second factor).
            await signInManager.SignInWithClaimsAsync(user, remember, [new Claim("amr", "pwd")]);
            return new SignInAttempt(SignInOutcome.Succeeded);
        }

        return new SignInAttempt(
            result.IsLockedOut ? SignInOutcome.LockedOut
            : result.RequiresTwoFactor ? SignInOutcome.RequiresTwoFactor
            : SignInOutcome.Failed);
    }

    /// <summary>
    /// Records a sign-in (or a token refresh) as the account's latest activity, unless it has become
    /// dormant meanwhile; false then. The dormancy rule reads this time.
    /// </summary>
    public async Task<bool> RecordSignInAsync(string userId)
    {
        var now = clock.GetUtcNow();
        return await context.Users
            .Where(candidate => candidate.Id == userId && !candidate.IsDormant)
            .ExecuteUpdateAsync(update => update.SetProperty(candidate => candidate.LastLoginAt, now)) == 1;
    }

    private async Task<ApplicationUser?> FindDormantAsync(string email)
    {
        var userId = await dormantData.FindUserIdAsync(context, email, CancellationToken.None);
        return userId is null ? null : await userManager.FindByIdAsync(userId);
    }

    private async Task<SignInAttempt> DormantSignInAsync(ApplicationUser user, string email, string password, IPAddress? client, Uri? siteRoot)
    {
        // Checked without Identity's sign-in path: a dormant row has no e-mail or user name, and a
        // rehash on success would try (and fail) to validate and save them.
        if (user.PasswordHash is null || userManager.PasswordHasher.VerifyHashedPassword(user, user.PasswordHash, password) == PasswordVerificationResult.Failed)
        {
            return new SignInAttempt(SignInOutcome.Failed);
        }

        await throttle.SucceededAsync(email, client);
        if (siteRoot is not null)
        {
            await confirmations.SendDormancyReleaseLinkAsync(user.Id, siteRoot, CancellationToken.None);
        }

        return new SignInAttempt(SignInOutcome.Dormant);
    }

    private async Task<SignUpResult> CreateAsync(string email, string displayName, string password, string role)
    {
        if (string.IsNullOrWhiteSpace(displayName) || displayName.Trim().Length > 50)
        {
            return SignUpResult.Failed(new IdentityError { Code = "InvalidDisplayName", Description = "이름은 1~50자로 입력해 주세요." });
        }

        var user = new ApplicationUser
        {
            UserName = email.Trim(),
            Email = email.Trim(),
            DisplayName = displayName.Trim(),
            CreatedAt = clock.GetUtcNow(),
        };
        var result = await userManager.CreateAsync(user, password);
        if (!result.Succeeded)
        {
            return new SignUpResult(null, result.Errors.ToList());
        }

        result = await userManager.AddToRoleAsync(user, role);
        if (!result.Succeeded)
        {
            await userManager.DeleteAsync(user);
            return new SignUpResult(null, result.Errors.ToList());
        }

        return new SignUpResult(user.Id, []);
    }
}
