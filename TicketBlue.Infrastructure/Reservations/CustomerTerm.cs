namespace TicketBlue.Infrastructure.Reservations;

public enum CustomerTermKind
{
    Email,
    Phone,
    /// <summary>Neither '@' nor a phone number: the display name or the start of the e-mail address.</summary>
    NameOrEmail,
}

/// <summary>
/// What the one customer box of the reservation search means. Every kind is a prefix match on an
/// indexed column, never a leading wildcard: an e-mail against Identity's upper-cased
/// <c>NormalizedEmail</c>; a phone number against <c>PhoneNumber</c> as digits or, for a mobile
/// number, also as it is usually written (010-1234-5678); anything else against the display name or,
/// upper-cased, the e-mail address (an index-merge union of two ranges).
/// </summary>
public sealed record CustomerTerm(CustomerTermKind Kind, IReadOnlyList<string> Prefixes)
{
    /// <summary>Fewer digits than this are read as a name, not a phone number.</summary>
    public const int MinPhoneDigits = 3;

    public static CustomerTerm? Parse(string? text)
    {
        var term = text?.Trim();
        if (string.IsNullOrEmpty(term))
        {
            return null;
        }

        if (term.Contains('@', StringComparison.Ordinal))
        {
            return new CustomerTerm(CustomerTermKind.Email, [term.ToUpperInvariant()]);
        }

        if (term.All(ch => char.IsAsciiDigit(ch) || ch is '-' or ' ' or '.' or '+'))
        {
            var digits = new string(term.Where(char.IsAsciiDigit).ToArray());
            if (digits.Length >= MinPhoneDigits)
            {
                var written = MobileWritten(digits);
                return new CustomerTerm(CustomerTermKind.Phone, written == digits ? [digits] : [digits, written]);
            }
        }

        return new CustomerTerm(CustomerTermKind.NameOrEmail, [term, term.ToUpperInvariant()]);
    }

    /// <summary>A prefix of a Korean mobile number (01X) written 3-4-4 with dashes, else the digits.</summary>
    private static string MobileWritten(string digits)
    {
        if (!digits.StartsWith("01", StringComparison.Ordinal) || digits.Length <= 3 || digits.Length > 11)
        {
            return digits;
        }

        return digits.Length <= 7
            ? $"{digits[..3]}-{digits[3..]}"
            : $"{digits[..3]}-{digits[3..7]}-{digits[7..]}";
    }
}
