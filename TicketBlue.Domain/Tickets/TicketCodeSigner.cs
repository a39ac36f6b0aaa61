using System.Buffers.Text;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace TicketBlue.Domain.Tickets;

public enum TicketCodeVerification
{
    Valid,

    /// <summary>Not a ticket code at all, or its signature was not made with our key for this seat.</summary>
    Forged,
}

/// <summary>
/// Issues and checks unforgeable ticket codes. The signature is HMAC-SHA256 over
/// <c>TB1|{reservationSeatId}|{reservationNumber}</c>, cut to 128 bits: the seat id says which ticket,
/// and the random reservation number binds the code to this one sale, so a code can never become valid
/// for a different seat that later gets the same id (a rebuilt database). Only a holder of the key can
/// make a code; the key lives in configuration, never in the database next to the tickets.
/// </summary>
public sealed class TicketCodeSigner
{
    /// <summary>HMAC-SHA256 keys shorter than its output weaken it; refuse them.</summary>
    public const int MinimumKeyBytes = 32;

    private const int SignatureBytes = 16;

    private readonly byte[] _key;

    public TicketCodeSigner(ReadOnlySpan<byte> key)
    {
        if (key.Length < MinimumKeyBytes)
        {
            throw new ArgumentException($"A ticket signing key needs at least {MinimumKeyBytes} bytes.", nameof(key));
        }

        _key = key.ToArray();
    }

    public string Issue(long reservationSeatId, string reservationNumber)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(reservationSeatId);
        ArgumentException.ThrowIfNullOrWhiteSpace(reservationNumber);
        return new TicketCode(reservationSeatId, Sign(reservationSeatId, reservationNumber)).ToString();
    }

    /// <summary>
    /// Whether <paramref name="code"/> was issued for this seat of the reservation numbered
    /// <paramref name="reservationNumber"/>. The signatures are compared in constant time, so the
    /// time taken says nothing about how many characters of a guess were right.
    /// </summary>
    public TicketCodeVerification Verify(TicketCode code, string reservationNumber)
    {
        if (code.Signature is null || code.ReservationSeatId <= 0 || string.IsNullOrWhiteSpace(reservationNumber))
        {
            return TicketCodeVerification.Forged;
        }

        var expected = Encoding.ASCII.GetBytes(Sign(code.ReservationSeatId, reservationNumber));
        var actual = Encoding.ASCII.GetBytes(code.Signature);
        return CryptographicOperations.FixedTimeEquals(expected, actual) ? TicketCodeVerification.Valid : TicketCodeVerification.Forged;
    }

    /// <summary>Parses and verifies in one step, for callers that already know the reservation number.</summary>
    public TicketCodeVerification Verify(string? text, string reservationNumber) =>
        TicketCode.TryParse(text, out var code) ? Verify(code, reservationNumber) : TicketCodeVerification.Forged;

    private string Sign(long reservationSeatId, string reservationNumber)
    {
        var message = Encoding.UTF8.GetBytes(string.Create(CultureInfo.InvariantCulture, $"{TicketCode.Prefix}|{reservationSeatId}|{reservationNumber}"));
        Span<byte> mac = stackalloc byte[HMACSHA256.HashSizeInBytes];
        HMACSHA256.HashData(_key, message, mac);
        return Base64Url.EncodeToString(mac[..SignatureBytes]);
    }
}
