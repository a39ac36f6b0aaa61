using System.ComponentModel.DataAnnotations;
using TicketBlue.Domain.Accounts;
using TicketBlue.Infrastructure.Accounts;

namespace TicketBlue.Web.Features.Accounts;

/// <summary>비밀번호 찾기: the address to send the link to. Error messages are resource keys.</summary>
public sealed class ForgotPasswordInput
{
    [Required(ErrorMessage = "Validation.EmailRequired")]
    [EmailAddress(ErrorMessage = "Validation.EmailInvalid")]
    [StringLength(256, ErrorMessage = "Validation.EmailInvalid")]
    public string Email { get; set; } = string.Empty;
}

/// <summary>A new password typed twice (reset link).</summary>
public class NewPasswordInput
{
    [Required(ErrorMessage = "Validation.PasswordRequired")]
    [StringLength(128, MinimumLength = IdentityPolicy.MinimumPasswordLength, ErrorMessage = "Validation.PasswordLength")]
    public string NewPassword { get; set; } = string.Empty;

    [Required(ErrorMessage = "Validation.ConfirmPasswordRequired")]
    [Compare(nameof(NewPassword), ErrorMessage = "Validation.PasswordMismatch")]
    public string ConfirmPassword { get; set; } = string.Empty;
}

/// <summary>내 정보's password form: the current password, then the new one twice.</summary>
public sealed class ChangePasswordInput : NewPasswordInput
{
    [Required(ErrorMessage = "Validation.PasswordRequired")]
    public string CurrentPassword { get; set; } = string.Empty;
}

/// <summary>내 정보's details: name and phone (the domain's <see cref="AccountDetails"/> has the rules).</summary>
public sealed class AccountDetailsInput
{
    [Required(ErrorMessage = "Validation.DisplayNameRequired")]
    [StringLength(AccountDetails.MaxDisplayNameLength, ErrorMessage = "Validation.DisplayNameLength")]
    public string DisplayName { get; set; } = string.Empty;

    public string? PhoneNumber { get; set; }
}

/// <summary>내 정보's new e-mail address.</summary>
public sealed class ChangeEmailInput
{
    [Required(ErrorMessage = "Validation.EmailRequired")]
    [EmailAddress(ErrorMessage = "Validation.EmailInvalid")]
    [StringLength(256, ErrorMessage = "Validation.EmailInvalid")]
    public string NewEmail { get; set; } = string.Empty;
}

/// <summary>The password typed again before withdrawal.</summary>
public sealed class ReauthenticateInput
{
    [Required(ErrorMessage = "Validation.PasswordRequired")]
    public string Password { get; set; } = string.Empty;
}
