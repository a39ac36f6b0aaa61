using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace TicketBlue.Domain.WaitingRoom;

/// <summary>
/// The secret that orders one round's pre-queue. Before the opening only its <see cref="Hash"/>
/// (SHA-256, hex) is shown, a commitment: the seed cannot be changed afterwards without the hash
/// giving it away. From the opening on the seed itself (<see cref="Hex"/>) is published, so anyone
/// can check the hash and recompute the order with <see cref="PreQueueShuffle"/>.
/// </summary>
public sealed class ShuffleSeed
{
    public const int Bytes = 32;

    private readonly byte[] _value;

    public ShuffleSeed(ReadOnlySpan<byte> value)
    {
        if (value.Length != Bytes)
        {
            throw new ArgumentException($"A shuffle seed has exactly {Bytes} bytes.", nameof(value));
        }

        _value = value.ToArray();
    }

    /// <summary>The seed as 64 lower-case hex digits, the form it is published in.</summary>
    public string Hex => Convert.ToHexStringLower(_value);

    /// <summary>SHA-256 of the seed's 32 bytes, 64 lower-case hex digits: shown before the opening.</summary>
    public string Hash => Convert.ToHexStringLower(SHA256.HashData(_value));

    public ReadOnlySpan<byte> Value => _value;

    /// <summary>The seed of one round: HMAC-SHA256(secret, "ticketblue-queue-round:{roundId}").</summary>
    public static ShuffleSeed Derive(ReadOnlySpan<byte> secret, long roundId)
    {
        var message = Encoding.ASCII.GetBytes(string.Create(CultureInfo.InvariantCulture, $"ticketblue-queue-round:{roundId}"));
        return new ShuffleSeed(HMACSHA256.HashData(secret, message));
    }

    public static ShuffleSeed FromHex(string hex) => new(Convert.FromHexString(hex));
}
