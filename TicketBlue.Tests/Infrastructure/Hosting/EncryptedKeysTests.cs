using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.DependencyInjection;
using Shouldly;
using StackExchange.Redis;
using TicketBlue.Tests.Fixtures;

namespace TicketBlue.Tests.Infrastructure.Hosting;

/// <summary>
/// Data Protection keys reach Redis encrypted with the configured certificate (issue 17): another node with the
/// certificate reads them, a reader of Redis without it cannot. Runs on a Redis database of its own (9), so the
/// other tests' nodes never meet keys they cannot decrypt.
/// </summary>
[Trait("Category", "Integration")]
public sealed class EncryptedKeysTests : IAsyncLifetime
{
    private const string KeyList = "tb:data-protection-keys";
    private const string Password = "pfx-password-for-the-test";

    private readonly MariaDbDatabase _database = new();
    private readonly string _pfx = Path.Combine(Path.GetTempPath(), $"tb-dp-{Guid.NewGuid():N}.pfx");
    private readonly string _redis = $"{TestEnvironment.Redis},defaultDatabase=9";
    private ConnectionMultiplexer _multiplexer = default!;

    public async ValueTask InitializeAsync()
    {
        await _database.InitializeAsync();
        using var rsa = RSA.Create(2048);
        var request = new CertificateRequest("CN=ticketblue-data-protection-test", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(30));
        await File.WriteAllBytesAsync(_pfx, certificate.Export(X509ContentType.Pfx, Password));
        _multiplexer = await ConnectionMultiplexer.ConnectAsync(_redis);
        await Keys.KeyDeleteAsync(KeyList);
    }

    public async ValueTask DisposeAsync()
    {
        await Keys.KeyDeleteAsync(KeyList);
        await _multiplexer.DisposeAsync();
        File.Delete(_pfx);
        await _database.DisposeAsync();
    }

    private IDatabase Keys => _multiplexer.GetDatabase(9);

    [Fact]
    public async Task ShouldStoreEncryptedKeysThatOnlyNodesWithTheCertificateRead()
    {
        var withCertificate = new Dictionary<string, string?>
        {
            ["DataProtection:Certificate:Path"] = _pfx,
            ["DataProtection:Certificate:Password"] = Password,
            ["Deployment:AllowUnencryptedKeys"] = "false",
        };
        await using var first = new TicketBlueAppFactory(_database, seedDemoData: false, redis: _redis, settings: withCertificate);
        await using var second = new TicketBlueAppFactory(_database, seedDemoData: false, redis: _redis, settings: withCertificate);
        await using var withoutCertificate = new TicketBlueAppFactory(_database, seedDemoData: false, redis: _redis);

        var payload = Protector(first).Protect("admin cookie");

        var stored = (await Keys.ListRangeAsync(KeyList)).Select(entry => entry.ToString()).ToList();
        stored.ShouldNotBeEmpty();
        stored.ShouldAllBe(xml => xml.Contains("EncryptedXmlDecryptor", StringComparison.Ordinal) && !xml.Contains("<masterKey", StringComparison.Ordinal));
        Protector(second).Unprotect(payload).ShouldBe("admin cookie");
        Should.Throw<CryptographicException>(() => Protector(withoutCertificate).Unprotect(payload));
    }

    [Fact]
    public async Task ShouldRefuseToStart_GivenACertificateFileThatCannotBeRead()
    {
        await using var factory = new TicketBlueAppFactory(_database, seedDemoData: false, redis: _redis, settings: new Dictionary<string, string?>
        {
            ["DataProtection:Certificate:Path"] = _pfx,
            ["DataProtection:Certificate:Password"] = "wrong password",
        });

        Should.Throw<InvalidOperationException>(() => factory.Services).Message.ShouldContain("DataProtection:Certificate:Path");
    }

    private static IDataProtector Protector(TicketBlueAppFactory factory) =>
        factory.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector("EncryptedKeysTests");
}
