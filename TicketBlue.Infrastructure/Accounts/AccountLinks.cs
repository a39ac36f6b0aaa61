using System.Buffers.Text;
using System.Text;

namespace TicketBlue.Infrastructure.Accounts;

/// <summary>The account pages the mails link to, and the URL-safe form of Identity's tokens in those links.</summary>
public static class AccountLinks
{
    public const string SignInPath = "Account/Login";
    public const string ForgotPasswordPath = "Account/ForgotPassword";
    public const string ResetPasswordPath = "Account/ResetPassword";
    public const string ConfirmEmailChangePath = "Account/ConfirmEmailChange";

    public static string Encode(string token) => Base64Url.EncodeToString(Encoding.UTF8.GetBytes(token));

    /// <summary>The token of a link's <c>code</c>, or null when it is not one.</summary>
    public static string? Decode(string? code)
    {
        if (string.IsNullOrWhiteSpace(code) || !Base64Url.IsValid(code))
        {
            return null;
        }

        try
        {
            return Encoding.UTF8.GetString(Base64Url.DecodeFromChars(code));
        }
        catch (FormatException)
        {
            return null;
        }
    }
}
