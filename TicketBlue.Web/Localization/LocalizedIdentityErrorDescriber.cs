using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Localization;

namespace TicketBlue.Web.Localization;

/// <summary>Identity's error messages (duplicate e-mail, short password, ...) in the user's language.</summary>
public sealed class LocalizedIdentityErrorDescriber(IStringLocalizer<SharedResource> localizer) : IdentityErrorDescriber
{
    public override IdentityError DuplicateEmail(string email) => Error(nameof(DuplicateEmail), localizer["Identity.DuplicateEmail", email]);

    public override IdentityError DuplicateUserName(string userName) => Error(nameof(DuplicateUserName), localizer["Identity.DuplicateEmail", userName]);

    public override IdentityError InvalidEmail(string? email) => Error(nameof(InvalidEmail), localizer["Identity.InvalidEmail", email ?? string.Empty]);

    public override IdentityError InvalidUserName(string? userName) => Error(nameof(InvalidUserName), localizer["Identity.InvalidEmail", userName ?? string.Empty]);

    public override IdentityError PasswordTooShort(int length) => Error(nameof(PasswordTooShort), localizer["Identity.PasswordTooShort", length]);

    public override IdentityError PasswordRequiresUniqueChars(int uniqueChars) => Error(nameof(PasswordRequiresUniqueChars), localizer["Identity.PasswordRequiresUniqueChars", uniqueChars]);

    public override IdentityError PasswordMismatch() => Error(nameof(PasswordMismatch), localizer["Identity.PasswordMismatch"]);

    public override IdentityError DefaultError() => Error(nameof(DefaultError), localizer["Identity.DefaultError"]);

    public override IdentityError ConcurrencyFailure() => Error(nameof(ConcurrencyFailure), localizer["Identity.ConcurrencyFailure"]);

    private static IdentityError Error(string code, string description) => new() { Code = code, Description = description };
}
