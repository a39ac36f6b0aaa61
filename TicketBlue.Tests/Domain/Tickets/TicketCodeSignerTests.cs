using System.Security.Cryptography;
using Shouldly;
using TicketBlue.Domain.Tickets;

namespace TicketBlue.Tests.Domain.Tickets;

[Trait("Category", "Unit")]
public sealed class TicketCodeSignerTests
{
    private const string Number = "TB261125ABCDEFGH";
    private static readonly byte[] Key = Enumerable.Range(1, 32).Select(value => (byte)value).ToArray();
    private readonly TicketCodeSigner _signer = new(Key);

    [Fact]
    public void ShouldVerifyACodeItIssued_AndKeepItShort()
    {
        var code = _signer.Issue(4321, Number);

        code.ShouldMatch(@"^TB1\.4321\.[A-Za-z0-9_-]{22}$");
        code.Length.ShouldBeLessThanOrEqualTo(TicketCode.MaxLength);
        _signer.Verify(code, Number).ShouldBe(TicketCodeVerification.Valid);
    }

    [Fact]
    public void ShouldIssueTheSameCode_GivenTheSameSeatAndKey()
    {
        _signer.Issue(7, Number).ShouldBe(new TicketCodeSigner(Key).Issue(7, Number));
    }

    [Fact]
    public void ShouldRefuse_GivenTheIdChangedToAnotherSeat()
    {
        var signature = _signer.Issue(4321, Number).Split('.')[2];

        _signer.Verify($"TB1.4322.{signature}", Number).ShouldBe(TicketCodeVerification.Forged);
    }

    [Fact]
    public void ShouldRefuse_GivenAnyCharacterOfTheSignatureChanged()
    {
        var code = _signer.Issue(4321, Number);
        var signatureStart = code.LastIndexOf('.') + 1;

        for (var index = signatureStart; index < code.Length; index++)
        {
            var replacement = code[index] == 'A' ? 'B' : 'A';
            var tampered = string.Concat(code.AsSpan(0, index), replacement.ToString(), code.AsSpan(index + 1));
            _signer.Verify(tampered, Number).ShouldBe(TicketCodeVerification.Forged, tampered);
        }
    }

    [Fact]
    public void ShouldRefuse_GivenACodeSignedWithAnotherKey()
    {
        var otherKey = RandomNumberGenerator.GetBytes(32);
        var code = new TicketCodeSigner(otherKey).Issue(4321, Number);

        _signer.Verify(code, Number).ShouldBe(TicketCodeVerification.Forged);
    }

    [Fact]
    public void ShouldRefuse_GivenTheSameSeatIdInAnotherReservation()
    {
        var code = _signer.Issue(4321, Number);

        _signer.Verify(code, "TB261125ZZZZZZZZ").ShouldBe(TicketCodeVerification.Forged);
    }

    [Fact]
    public void ShouldForgiveSurroundingSpaces_AsAKeyboardScannerMayAddThem()
    {
        var code = _signer.Issue(4321, Number);

        _signer.Verify($"  {code}\r\n", Number).ShouldBe(TicketCodeVerification.Valid);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("TB1")]
    [InlineData("TB1..AAAAAAAAAAAAAAAAAAAAAA")]
    [InlineData("TB1.12")]
    [InlineData("TB1.12.")]
    [InlineData("TB2.12.AAAAAAAAAAAAAAAAAAAAAA")]
    [InlineData("tb1.12.AAAAAAAAAAAAAAAAAAAAAA")]
    [InlineData("TB1.012.AAAAAAAAAAAAAAAAAAAAAA")]
    [InlineData("TB1.-12.AAAAAAAAAAAAAAAAAAAAAA")]
    [InlineData("TB1.+12.AAAAAAAAAAAAAAAAAAAAAA")]
    [InlineData("TB1.0.AAAAAAAAAAAAAAAAAAAAAA")]
    [InlineData("TB1.1 2.AAAAAAAAAAAAAAAAAAAAAA")]
    [InlineData("TB1.12.AAAAAAAAAAAAAAAAAAAAA")]
    [InlineData("TB1.12.AAAAAAAAAAAAAAAAAAAAAAA")]
    [InlineData("TB1.12.AAAAAAAAAAAAAAAAAAAA==")]
    [InlineData("TB1.12.AAAAAAAAAA+AAAAAAAAAAA")]
    [InlineData("TB1.12.AAAAAAAAAA/AAAAAAAAAAA")]
    [InlineData("TB1.12.AAAAAAAAAA AAAAAAAAAAA")]
    [InlineData("TB1.12.AAAAAAAAAAAAAAAAAAAAAA.extra")]
    [InlineData("TB1.99999999999999999999.AAAAAAAAAAAAAAAAAAAAAA")]
    [InlineData("TB1.１２.AAAAAAAAAAAAAAAAAAAAAA")]
    public void ShouldRefuseWithoutThrowing_GivenAMalformedCode(string? text)
    {
        TicketCode.TryParse(text, out _).ShouldBeFalse();
        _signer.Verify(text, Number).ShouldBe(TicketCodeVerification.Forged);
    }

    [Fact]
    public void ShouldReadTheSeatIdBack_GivenAWellFormedCode()
    {
        TicketCode.TryParse(_signer.Issue(9_007_199_254_740_993, Number), out var code).ShouldBeTrue();

        code.ReservationSeatId.ShouldBe(9_007_199_254_740_993);
        code.Signature.Length.ShouldBe(TicketCode.SignatureLength);
    }

    [Fact]
    public void ShouldRefuseAShortKey()
    {
        Should.Throw<ArgumentException>(() => new TicketCodeSigner(new byte[31]));
    }

    [Fact]
    public void ShouldRefuseToIssue_GivenNoSeatOrNoReservationNumber()
    {
        Should.Throw<ArgumentOutOfRangeException>(() => _signer.Issue(0, Number));
        Should.Throw<ArgumentException>(() => _signer.Issue(1, " "));
    }

    [Fact]
    public void ShouldRefuse_GivenADefaultCode()
    {
        _signer.Verify(default(TicketCode), Number).ShouldBe(TicketCodeVerification.Forged);
    }
}
