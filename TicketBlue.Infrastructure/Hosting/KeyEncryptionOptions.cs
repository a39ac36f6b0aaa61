using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.Extensions.Configuration;

namespace TicketBlue.Infrastructure.Hosting;

/// <summary>
/// <c>DataProtection:Certificate</c>: the certificate (a PKCS#12 file with its private key) the Data Protection keys
/// are encrypted with before they go to Redis. Whoever reads Redis then still cannot mint cookies or API tokens.
/// </summary>
public sealed class KeyEncryptionOptions
{
    public const string Section = "DataProtection:Certificate";

    /// <summary>Path of the .pfx file, the same certificate on every node.</summary>
    public string? Path { get; set; }

    /// <summary>The .pfx file's password; keep it in an environment variable (<c>DataProtection__Certificate__Password</c>).</summary>
    public string? Password { get; set; }

    /// <summary>Whether a certificate is configured at all.</summary>
    public static bool IsConfigured(IConfiguration configuration) =>
        !string.IsNullOrWhiteSpace(configuration?[$"{Section}:{nameof(Path)}"]);

    /// <summary>The configured certificate, or null when none is; a file that cannot be used stops start-up.</summary>
    public static X509Certificate2? Load(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var options = configuration.GetSection(Section).Get<KeyEncryptionOptions>() ?? new KeyEncryptionOptions();
        if (string.IsNullOrWhiteSpace(options.Path))
        {
            return null;
        }

        X509Certificate2 certificate;
        try
        {
            certificate = X509CertificateLoader.LoadPkcs12FromFile(options.Path, options.Password, X509KeyStorageFlags.EphemeralKeySet);
        }
        catch (Exception exception) when (exception is CryptographicException or IOException or UnauthorizedAccessException)
        {
            throw new InvalidOperationException($"{Section}:Path '{options.Path}' is not a readable PKCS#12 file with this password.", exception);
        }

        if (!certificate.HasPrivateKey || certificate.GetRSAPrivateKey() is null)
        {
            certificate.Dispose();
            throw new InvalidOperationException($"{Section}:Path '{options.Path}' must hold an RSA certificate with its private key (the keys are decrypted with it).");
        }

        return certificate;
    }
}
