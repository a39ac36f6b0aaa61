using TicketBlue.Domain.Common;

namespace TicketBlue.Domain.Accounts;

/// <summary>
/// What a customer may write into their account (내 정보): the name printed on tickets and a phone
/// number. Phone numbers are kept as digits only, the form the back office's search matches.
/// </summary>
public static class AccountDetails
{
    public const int MaxDisplayNameLength = 50;

    /// <summary>Korean numbers: 0 then 8 to 10 more digits (02-123-4567 … 010-1234-5678).</summary>
    public const int MinPhoneDigits = 9;
    public const int MaxPhoneDigits = 11;

    public static string DisplayName(string? value) =>
        Guard.NotBlank(value, "account.display_name", "이름은 1~50자로 입력해 주세요.", MaxDisplayNameLength);

    /// <summary>The digits of <paramref name="value"/>, or null when it is empty (no phone number).</summary>
    public static string? PhoneNumber(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        var trimmed = value.Trim();
        if (!trimmed.All(ch => char.IsAsciiDigit(ch) || ch is '-' or ' '))
        {
            throw new DomainException("account.phone", "전화번호는 숫자와 '-'로 입력해 주세요.");
        }

        var digits = new string(trimmed.Where(char.IsAsciiDigit).ToArray());
        if (digits.Length is < MinPhoneDigits or > MaxPhoneDigits || digits[0] != '0')
        {
            throw new DomainException("account.phone", "전화번호는 0으로 시작하는 9~11자리 숫자로 입력해 주세요.");
        }

        return digits;
    }
}
