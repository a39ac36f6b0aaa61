using Microsoft.AspNetCore.Identity;

namespace TicketBlue.Infrastructure.Accounts;

/// <summary>
/// Identity settings hardened to OWASP ASVS 4.0 level 2: long passwords without composition rules
/// (2.1.1, 2.1.9), unique e-mails, and a PBKDF2 work factor at the OWASP recommendation (2.4.3).
/// Guessing is slowed by <see cref="SignInThrottle"/> (2.2.1) rather than by Identity's lockout, which
/// would let anyone lock anyone out (ADR-003); Identity's lockout stays for operators to lock an account.
/// </summary>
public static class IdentityPolicy
{
    public const int PasswordHashIterations = 210_000;
    public const int MinimumPasswordLength = 12;

    public static void Apply(IdentityOptions options)
    {
        options.Password.RequiredLength = MinimumPasswordLength;
        options.Password.RequireDigit = false;
        options.Password.RequireLowercase = false;
        options.Password.RequireUppercase = false;
        options.Password.RequireNonAlphanumeric = false;
        options.Password.RequiredUniqueChars = 4;

        options.Lockout.AllowedForNewUsers = true;

        options.User.RequireUniqueEmail = true;
        options.SignIn.RequireConfirmedAccount = false;

        // Reset links live 30 minutes and read TimeProvider (issue 16); other tokens keep Identity's day.
        options.Tokens.PasswordResetTokenProvider = Accounts.PasswordResetTokenProvider.ProviderName;
    }
}
