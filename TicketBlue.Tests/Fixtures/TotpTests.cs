using Shouldly;

namespace TicketBlue.Tests.Fixtures;

/// <summary>The test's authenticator against RFC 6238's own test vectors (SHA-1 key "12345678901234567890").</summary>
[Trait("Category", "Unit")]
public sealed class TotpTests
{
    // "12345678901234567890" in base32.
    private const string Key = "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ";

    [Theory]
    [InlineData(59, "287082")]
    [InlineData(1111111109, "081804")]
    [InlineData(2000000000, "279037")]
    public void ShouldMatchTheRfcVectors(long unixSeconds, string code) =>
        Totp.Code(Key, DateTimeOffset.FromUnixTimeSeconds(unixSeconds)).ShouldBe(code);
}
