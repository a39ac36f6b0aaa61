using System.ComponentModel.DataAnnotations;
using TicketBlue.Infrastructure.Accounts;

namespace TicketBlue.Web.Features.Accounts;

/// <summary>
/// A customer's sign-up form. Error messages are resource keys, shown translated by
/// <c>LocalizedValidationMessage</c>.
/// </summary>
public class SignUpInput
{
    [Required(ErrorMessage = "Validation.DisplayNameRequired")]
    [StringLength(50, ErrorMessage = "Validation.DisplayNameLength")]
    public string DisplayName { get; set; } = string.Empty;

    [Required(ErrorMessage = "Validation.EmailRequired")]
    [EmailAddress(ErrorMessage = "Validation.EmailInvalid")]
    [StringLength(256, ErrorMessage = "Validation.EmailInvalid")]
    public string Email { get; set; } = string.Empty;

    [Required(ErrorMessage = "Validation.PasswordRequired")]
    [StringLength(128, MinimumLength = IdentityPolicy.MinimumPasswordLength, ErrorMessage = "Validation.PasswordLength")]
    public string Password { get; set; } = string.Empty;

    [Required(ErrorMessage = "Validation.ConfirmPasswordRequired")]
    [Compare(nameof(Password), ErrorMessage = "Validation.PasswordMismatch")]
    public string ConfirmPassword { get; set; } = string.Empty;
}

/// <summary>An admin's sign-up form: a customer's fields plus the invitation code.</summary>
public sealed class AdminSignUpInput : SignUpInput
{
    [Required(ErrorMessage = "Validation.InvitationRequired")]
    public string InvitationCode { get; set; } = string.Empty;
}
