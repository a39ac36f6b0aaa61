using System.Text;
using Shouldly;
using TicketBlue.Domain.Common;
using TicketBlue.Domain.Files;

namespace TicketBlue.Tests.Domain.Files;

[Trait("Category", "Unit")]
public sealed class ImageUploadTests
{
    /// <summary>JFIF start of image, APP0 marker and its identifier, as a camera or editor writes it.</summary>
    public static readonly byte[] JpegHeader = [0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10, 0x4A, 0x46, 0x49, 0x46, 0x00, 0x01];

    /// <summary>PNG signature followed by the length and type of the IHDR chunk.</summary>
    public static readonly byte[] PngHeader = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D, 0x49, 0x48, 0x44, 0x52];

    /// <summary>RIFF, a little-endian size, WEBP, then the VP8 chunk type.</summary>
    public static readonly byte[] WebPHeader = [.. "RIFF"u8, 0x24, 0x00, 0x00, 0x00, .. "WEBPVP8 "u8];

    public static TheoryData<string, string, string, string> AcceptedFormats => new()
    {
        { "jpeg", "image/jpeg", "jpg", "JPEG" },
        { "png", "image/png", "png", "PNG" },
        { "webp", "image/webp", "webp", "WebP" },
    };

    /// <summary>Files people (or attackers) upload with an image extension: none is a JPEG, PNG or WebP.</summary>
    private static readonly Dictionary<string, string> Disguises = new(StringComparer.Ordinal)
    {
        ["html"] = "<!DOCTYPE html><html><script>alert(1)</script></html>",
        ["svg"] = "<svg xmlns=\"http://www.w3.org/2000/svg\" onload=\"alert(1)\"/>",
        ["gif"] = "GIF89a\u0001\u0000\u0001\u0000\u0080\u0000\u0000",
        ["pdf"] = "%PDF-1.7\n%\u00e2\u00e3\u00cf\u00d3\n1 0 obj",
    };

    public static TheoryData<string> DisguisedKinds => new(Disguises.Keys);

    private static byte[] DisguisedBytes(string kind) => Encoding.Latin1.GetBytes(Disguises[kind]);

    private static byte[] HeaderOf(string kind) => kind switch
    {
        "jpeg" => JpegHeader,
        "png" => PngHeader,
        "webp" => WebPHeader,
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    private static string CodeOf(Action action) => Should.Throw<DomainException>(action).Code;

    [Theory]
    [MemberData(nameof(AcceptedFormats))]
    public void ShouldReportTheFormatFromTheBytes_GivenAnAcceptedImage(string kind, string contentType, string extension, string name)
    {
        var format = ImageUpload.Inspect(HeaderOf(kind), 2048, contentType);

        format.ContentType.ShouldBe(contentType);
        format.Extension.ShouldBe(extension);
        format.Name.ShouldBe(name);
    }

    [Theory]
    [InlineData("jpeg", "image/jpeg")]
    [InlineData("png", "image/png")]
    [InlineData("webp", "image/webp")]
    public void ShouldTrustTheBytes_GivenNoOrAnUninformativeDeclaredType(string kind, string contentType)
    {
        ImageUpload.Inspect(HeaderOf(kind), 2048, null).ContentType.ShouldBe(contentType);
        ImageUpload.Inspect(HeaderOf(kind), 2048, "  ").ContentType.ShouldBe(contentType);
        ImageUpload.Inspect(HeaderOf(kind), 2048, "application/octet-stream").ContentType.ShouldBe(contentType);
    }

    [Theory]
    [InlineData("IMAGE/JPEG")]
    [InlineData("image/jpeg; charset=binary")]
    [InlineData("image/jpg")]
    [InlineData("image/pjpeg")]
    public void ShouldAcceptTheJpeg_GivenAnotherSpellingOfItsType(string declared)
    {
        ImageUpload.Inspect(JpegHeader, 2048, declared).ShouldBeSameAs(ImageFormat.Jpeg);
    }

    [Fact]
    public void ShouldAcceptAMinimalUpload_GivenOnlyTheMagicNumberIsThere()
    {
        ImageUpload.Inspect(JpegHeader.AsSpan(0, 3), 3, "image/jpeg").ShouldBeSameAs(ImageFormat.Jpeg);
    }

    [Fact]
    public void ShouldRefuseAsEmpty_GivenNoBytes()
    {
        var exception = Should.Throw<DomainException>(() => ImageUpload.Inspect([], 0, "image/png"));

        exception.Code.ShouldBe("upload.empty");
        exception.Message.ShouldContain("빈 파일");
    }

    [Fact]
    public void ShouldAccept_GivenExactlyMaxBytes()
    {
        ImageUpload.Inspect(PngHeader, ImageUpload.MaxBytes, "image/png").ShouldBeSameAs(ImageFormat.Png);
    }

    [Fact]
    public void ShouldRefuseAsTooLarge_GivenOneByteOverMaxBytes()
    {
        var exception = Should.Throw<DomainException>(() => ImageUpload.Inspect(PngHeader, ImageUpload.MaxBytes + 1, "image/png"));

        exception.Code.ShouldBe("upload.too_large");
        exception.Message.ShouldBe("파일이 너무 큽니다. 10MB 이하의 이미지를 올려 주세요.");
    }

    [Fact]
    public void ShouldBeTenMebibytes_GivenTheDefaultLimit()
    {
        ImageUpload.MaxBytes.ShouldBe(10L * 1024 * 1024);
    }

    [Fact]
    public void ShouldApplyTheCallersLimit_GivenAnotherMaximum()
    {
        ImageUpload.Inspect(PngHeader, 512 * 1024, "image/png", maxBytes: 512 * 1024).ShouldBeSameAs(ImageFormat.Png);
        var exception = Should.Throw<DomainException>(() => ImageUpload.Inspect(PngHeader, (512 * 1024) + 1, "image/png", maxBytes: 512 * 1024));

        exception.Code.ShouldBe("upload.too_large");
        exception.Message.ShouldContain("512KB 이하");
    }

    [Fact]
    public void ShouldRefuseBeforeLookingAtTheBytes_GivenAnEmptyOrHugeLengthOnItsOwn()
    {
        CodeOf(() => ImageUpload.CheckLength(0)).ShouldBe("upload.empty");
        CodeOf(() => ImageUpload.CheckLength(ImageUpload.MaxBytes + 1)).ShouldBe("upload.too_large");
        Should.NotThrow(() => ImageUpload.CheckLength(ImageUpload.MaxBytes));
    }

    [Theory]
    [MemberData(nameof(DisguisedKinds))]
    public void ShouldRefuseAsMismatch_GivenAFileDisguisedWithAnImageType(string kind)
    {
        var bytes = DisguisedBytes(kind);

        foreach (var declared in new[] { "image/jpeg", "image/png", "image/webp" })
        {
            var exception = Should.Throw<DomainException>(() => ImageUpload.Inspect(bytes, bytes.Length, declared));
            exception.Code.ShouldBe("upload.type_mismatch");
        }
    }

    [Theory]
    [InlineData("html", "text/html")]
    [InlineData("svg", "image/svg+xml")]
    [InlineData("gif", "image/gif")]
    [InlineData("pdf", "application/pdf")]
    [InlineData("html", null)]
    public void ShouldRefuseAsUnsupported_GivenAFileThatIsHonestlyNotJpegPngOrWebP(string kind, string? declared)
    {
        var bytes = DisguisedBytes(kind);

        var exception = Should.Throw<DomainException>(() => ImageUpload.Inspect(bytes, bytes.Length, declared));

        exception.Code.ShouldBe("upload.unsupported_type");
        exception.Message.ShouldBe("JPEG, PNG, WebP 이미지만 올릴 수 있습니다.");
    }

    [Theory]
    [InlineData("png", "image/jpeg")]
    [InlineData("jpeg", "image/png")]
    [InlineData("webp", "image/png")]
    [InlineData("png", "image/webp")]
    [InlineData("jpeg", "image/gif")]
    [InlineData("png", "text/html")]
    public void ShouldRefuseAsMismatch_GivenARealImageDeclaredAsAnotherType(string kind, string declared)
    {
        CodeOf(() => ImageUpload.Inspect(HeaderOf(kind), 2048, declared)).ShouldBe("upload.type_mismatch");
    }

    [Fact]
    public void ShouldNotTakeRiffForWebP_GivenAWaveFileCalledWebP()
    {
        byte[] wave = [.. "RIFF"u8, 0x24, 0x00, 0x00, 0x00, .. "WAVEfmt "u8];

        CodeOf(() => ImageUpload.Inspect(wave, 2048, "image/webp")).ShouldBe("upload.type_mismatch");
        CodeOf(() => ImageUpload.Inspect(wave, 2048, "audio/wav")).ShouldBe("upload.unsupported_type");
    }

    [Fact]
    public void ShouldNotRecogniseWebP_GivenATruncatedRiffHeader()
    {
        ImageUpload.Detect(WebPHeader.AsSpan(0, 11)).ShouldBeNull();
        ImageUpload.Detect(WebPHeader.AsSpan(0, 12)).ShouldBeSameAs(ImageFormat.WebP);
    }

    [Fact]
    public void ShouldNotRecogniseAPartialSignature_GivenTheFirstBytesOfAPngOnly()
    {
        ImageUpload.Detect(PngHeader.AsSpan(0, 7)).ShouldBeNull();
    }

    [Fact]
    public void ShouldNotEchoTheDeclaredType_GivenAMismatch()
    {
        var exception = Should.Throw<DomainException>(() => ImageUpload.Inspect(PngHeader, 2048, "text/html<script>"));

        exception.Code.ShouldBe("upload.type_mismatch");
        exception.Message.ShouldNotContain("<script>");
        exception.Message.ShouldContain("PNG");
    }

    [Fact]
    public void ShouldRefuseAProgrammingError_GivenAHeaderLongerThanTheUpload()
    {
        Should.Throw<ArgumentException>(() => ImageUpload.Inspect(PngHeader, 4, "image/png"));
    }
}
