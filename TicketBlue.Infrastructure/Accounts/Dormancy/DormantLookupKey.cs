using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;

namespace TicketBlue.Infrastructure.Accounts.Dormancy;

/// <summary>
/// The key of the dormant accounts' e-mail lookup (<see cref="DormantPersonalData.EmailLookup"/>):
/// <c>Accounts:LookupKey</c>, base64 of at least 32 random bytes, the same on every node and never
/// changed (a new key would lose every dormant account's lookup). A plain hash of an e-mail is found
/// by hashing guessed addresses; a keyed one needs the key, which is not in the database. Without it
/// the app refuses to start; only the automated tests ("Testing") get a random key per process.
/// Development reads a fixed, public key from appsettings.Development.json.
/// </summary>
public sealed class DormantLookupKey
{
    public const string ConfigurationKey = "Accounts:LookupKey";
    public const int MinimumKeyBytes = 32;

    private const int BlockBytes = 64;
    private const string TestingEnvironment = "Testing";

    private static readonly Lazy<byte[]> TestingKey = new(() => RandomNumberGenerator.GetBytes(MinimumKeyBytes));

    private readonly byte[] _key;

    public DormantLookupKey(byte[] key)
    {
        ArgumentNullException.ThrowIfNull(key);
        if (key.Length is < MinimumKeyBytes or > BlockBytes)
        {
            throw new ArgumentException($"The lookup key must be {MinimumKeyBytes} to {BlockBytes} bytes.", nameof(key));
        }

        _key = key;

        // HMAC's inner and outer keys, so MariaDB can compute the same HMAC-SHA256 in the set-based
        // conversion: SHA2(opad || UNHEX(SHA2(ipad || message))).
        InnerPad = new byte[BlockBytes];
        OuterPad = new byte[BlockBytes];
        for (var index = 0; index < BlockBytes; index++)
        {
            var keyByte = index < key.Length ? key[index] : (byte)0;
            InnerPad[index] = (byte)(keyByte ^ 0x36);
            OuterPad[index] = (byte)(keyByte ^ 0x5c);
        }
    }

    internal byte[] InnerPad { get; }

    internal byte[] OuterPad { get; }

    /// <summary>The lookup of an e-mail address as typed (normalised as Identity does: trimmed, upper case).</summary>
    public string Of(string email)
    {
        ArgumentNullException.ThrowIfNull(email);
        return OfNormalized(email.Trim().ToUpperInvariant());
    }

    /// <summary>The lookup of an already normalised e-mail (Identity's <c>NormalizedEmail</c>): lower-case hex HMAC-SHA256.</summary>
    public string OfNormalized(string normalizedEmail)
    {
        ArgumentNullException.ThrowIfNull(normalizedEmail);
        return Convert.ToHexStringLower(HMACSHA256.HashData(_key, Encoding.UTF8.GetBytes(normalizedEmail)));
    }

    public static DormantLookupKey FromConfiguration(IConfiguration configuration, IHostEnvironment environment)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentNullException.ThrowIfNull(environment);
        var text = configuration[ConfigurationKey];
        if (string.IsNullOrWhiteSpace(text))
        {
            return environment.IsEnvironment(TestingEnvironment)
                ? new DormantLookupKey(TestingKey.Value)
                : throw new InvalidOperationException(
                    $"'{ConfigurationKey}' is missing: set a base64 key of at least {MinimumKeyBytes} random bytes, the same on every node, and never change it.");
        }

        byte[] key;
        try
        {
            key = Convert.FromBase64String(text.Trim());
        }
        catch (FormatException exception)
        {
            throw new InvalidOperationException($"'{ConfigurationKey}' is not valid base64.", exception);
        }

        return key.Length is >= MinimumKeyBytes and <= BlockBytes
            ? new DormantLookupKey(key)
            : throw new InvalidOperationException(string.Create(CultureInfo.InvariantCulture, $"'{ConfigurationKey}' must be {MinimumKeyBytes} to {BlockBytes} bytes (it is {key.Length})."));
    }
}
