using System.Security.Cryptography;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using TicketBlue.Domain.Tickets;

namespace TicketBlue.Infrastructure.Tickets;

/// <summary>
/// Where the ticket signing key comes from: <c>Tickets:SigningKey</c>, base64 of at least 32 bytes,
/// the same on every app node (a code issued by one node is checked by another). Without it the app
/// refuses to start — a made-up key would issue tickets nobody could check after a restart. Only the
/// automated tests ("Testing") may run without one; they get a random key for the life of the process.
/// Development reads a fixed, public key from appsettings.Development.json.
/// </summary>
public static class TicketSigningKey
{
    public const string ConfigurationKey = "Tickets:SigningKey";

    private const string TestingEnvironment = "Testing";

    private static readonly Lazy<byte[]> TestingKey = new(() => RandomNumberGenerator.GetBytes(TicketCodeSigner.MinimumKeyBytes));

    public static TicketCodeSigner CreateSigner(IConfiguration configuration, IHostEnvironment environment)
    {
        var text = configuration[ConfigurationKey];
        if (string.IsNullOrWhiteSpace(text))
        {
            return environment.IsEnvironment(TestingEnvironment)
                ? new TicketCodeSigner(TestingKey.Value)
                : throw new InvalidOperationException(
                    $"'{ConfigurationKey}' is missing: set a base64 key of at least {TicketCodeSigner.MinimumKeyBytes} random bytes, the same on every node.");
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

        return key.Length >= TicketCodeSigner.MinimumKeyBytes
            ? new TicketCodeSigner(key)
            : throw new InvalidOperationException($"'{ConfigurationKey}' must be at least {TicketCodeSigner.MinimumKeyBytes} bytes (it is {key.Length}).");
    }
}
