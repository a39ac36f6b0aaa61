using System.Globalization;

namespace TicketBlue.Domain.Tickets;

/// <summary>
/// The text a ticket's QR code carries: <c>TB1.{reservationSeatId}.{signature}</c>, with a
/// 22-character base64url signature. Short enough for a small QR code and for an usher to type
/// at the gate. Parsing checks only the shape; whether the signature is genuine is
/// <see cref="TicketCodeSigner"/>'s question.
/// </summary>
public readonly record struct TicketCode
{
    /// <summary>The format version; a new signing scheme would get a new prefix, old tickets keep working.</summary>
    public const string Prefix = "TB1";

    /// <summary>Base64url characters of the signature: 16 bytes of the HMAC, 128 bits.</summary>
    public const int SignatureLength = 22;

    /// <summary>The longest text a valid code can be (a long id has at most 19 digits).</summary>
    public const int MaxLength = 3 + 1 + 19 + 1 + SignatureLength;

    internal TicketCode(long reservationSeatId, string signature)
    {
        ReservationSeatId = reservationSeatId;
        Signature = signature;
    }

    public long ReservationSeatId { get; }

    public string Signature { get; }

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Prefix}.{ReservationSeatId}.{Signature}");

    /// <summary>
    /// Reads a scanned or typed code. Surrounding spaces are forgiven (a keyboard wedge may add them);
    /// anything else that is not exactly the format — leading zeros, signs, wrong length, characters
    /// outside base64url — is refused, so one ticket has exactly one spelling.
    /// </summary>
    public static bool TryParse(string? text, out TicketCode code)
    {
        code = default;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        var span = text.AsSpan().Trim();
        if (span.Length > MaxLength || !span.StartsWith(Prefix + ".", StringComparison.Ordinal))
        {
            return false;
        }

        var rest = span[(Prefix.Length + 1)..];
        var dot = rest.IndexOf('.');
        if (dot <= 0)
        {
            return false;
        }

        var idText = rest[..dot];
        var signature = rest[(dot + 1)..];
        if (idText[0] == '0' || !IsDigits(idText) || !long.TryParse(idText, NumberStyles.None, CultureInfo.InvariantCulture, out var id))
        {
            return false;
        }

        if (signature.Length != SignatureLength || !IsBase64Url(signature))
        {
            return false;
        }

        code = new TicketCode(id, signature.ToString());
        return true;
    }

    private static bool IsBase64Url(ReadOnlySpan<char> text)
    {
        foreach (var character in text)
        {
            if (!char.IsAsciiLetterOrDigit(character) && character is not ('-' or '_'))
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsDigits(ReadOnlySpan<char> text)
    {
        foreach (var character in text)
        {
            if (!char.IsAsciiDigit(character))
            {
                return false;
            }
        }

        return true;
    }
}
