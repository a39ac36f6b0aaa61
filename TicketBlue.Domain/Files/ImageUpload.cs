using System.Globalization;
using TicketBlue.Domain.Common;

namespace TicketBlue.Domain.Files;

/// <summary>An image format uploads may have: what the bytes are, and how we store and serve them.</summary>
public sealed class ImageFormat
{
    public static readonly ImageFormat Jpeg = new("JPEG", "image/jpeg", "jpg");

    public static readonly ImageFormat Png = new("PNG", "image/png", "png");

    public static readonly ImageFormat WebP = new("WebP", "image/webp", "webp");

    private ImageFormat(string name, string contentType, string extension)
    {
        Name = name;
        ContentType = contentType;
        Extension = extension;
    }

    public string Name { get; }

    /// <summary>The content type we store and serve, whatever the browser declared.</summary>
    public string ContentType { get; }

    /// <summary>The file extension of the stored key, without the dot.</summary>
    public string Extension { get; }

    public override string ToString() => Name;
}

/// <summary>
/// The rule for uploaded posters and photos (ASVS 12.1.1, 12.2.1): an upload is accepted only when
/// its own bytes say it is a JPEG, PNG or WebP image of at most <see cref="MaxBytes"/>. The file name
/// and the browser's content type are chosen by the uploader, so they never decide what an upload
/// is; a declared type that contradicts the bytes is refused, because it means a disguised file
/// (an HTML page renamed .jpg) or a broken client.
/// </summary>
public static class ImageUpload
{
    /// <summary>10 MiB: a print-quality poster fits; a video uploaded by mistake does not.</summary>
    public const long MaxBytes = 10 * 1024 * 1024;

    /// <summary>How many leading bytes <see cref="Inspect"/> needs to recognise every accepted format.</summary>
    public const int HeaderLength = 12;

    private static ReadOnlySpan<byte> JpegMagic => [0xFF, 0xD8, 0xFF];

    private static ReadOnlySpan<byte> PngMagic => [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    private static ReadOnlySpan<byte> RiffMagic => "RIFF"u8;

    private static ReadOnlySpan<byte> WebPMagic => "WEBP"u8;

    /// <summary>Declared types that carry no claim at all: browsers send these for unknown extensions.</summary>
    private static readonly HashSet<string> UninformativeTypes = new(StringComparer.OrdinalIgnoreCase) { "application/octet-stream", "binary/octet-stream" };

    /// <summary>Spellings browsers and old clients use for the formats we accept.</summary>
    private static readonly Dictionary<string, ImageFormat> DeclaredTypes = new(StringComparer.OrdinalIgnoreCase)
    {
        ["image/jpeg"] = ImageFormat.Jpeg,
        ["image/jpg"] = ImageFormat.Jpeg,
        ["image/pjpeg"] = ImageFormat.Jpeg,
        ["image/png"] = ImageFormat.Png,
        ["image/x-png"] = ImageFormat.Png,
        ["image/webp"] = ImageFormat.WebP,
    };

    /// <summary>
    /// Decides what an upload is from its first bytes and its real length.
    /// </summary>
    /// <param name="header">The upload's first bytes (at least <see cref="HeaderLength"/> when it is that long).</param>
    /// <param name="length">The number of bytes actually received, never the length the client declared.</param>
    /// <param name="declaredContentType">The browser's content type, or null; checked against the bytes, never trusted.</param>
    /// <param name="maxBytes">The size limit; <see cref="MaxBytes"/> unless a caller has a reason for another.</param>
    /// <exception cref="DomainException">
    /// <c>upload.empty</c>, <c>upload.too_large</c>, <c>upload.unsupported_type</c> or <c>upload.type_mismatch</c>.
    /// </exception>
    public static ImageFormat Inspect(ReadOnlySpan<byte> header, long length, string? declaredContentType, long maxBytes = MaxBytes)
    {
        CheckLength(length, maxBytes);
        if (header.Length > length)
        {
            throw new ArgumentException("The header cannot be longer than the upload.", nameof(header));
        }

        var detected = Detect(header);
        var declared = Normalise(declaredContentType);
        var claimed = declared is null ? null : DeclaredTypes.GetValueOrDefault(declared);

        if (detected is null)
        {
            // A GIF that says it is a GIF is merely unsupported; anything that says it is one of our
            // formats without being one is disguised, and the message should say so.
            throw claimed is null
                ? new DomainException("upload.unsupported_type", "JPEG, PNG, WebP 이미지만 올릴 수 있습니다.")
                : new DomainException("upload.type_mismatch", $"파일 내용이 {claimed.Name} 이미지가 아닙니다. JPEG, PNG, WebP 이미지만 올릴 수 있습니다.", claimed.Name);
        }

        // The declared type itself is never echoed: it is the uploader's text.
        if (declared is not null && claimed != detected && !UninformativeTypes.Contains(declared))
        {
            throw new DomainException("upload.type_mismatch", $"파일 형식이 실제 내용({detected.Name} 이미지)과 다릅니다. 파일을 다시 골라 주세요.", detected.Name) { Variant = "detected" };
        }

        return detected;
    }

    /// <summary>
    /// The size half of <see cref="Inspect"/>, on its own so an upload can be refused before it is
    /// read when even the length its client declares is over the limit.
    /// </summary>
    /// <exception cref="DomainException"><c>upload.empty</c> or <c>upload.too_large</c>.</exception>
    public static void CheckLength(long length, long maxBytes = MaxBytes)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxBytes);
        ArgumentOutOfRangeException.ThrowIfNegative(length);
        if (length == 0)
        {
            throw new DomainException("upload.empty", "빈 파일입니다. 이미지 파일을 골라 주세요.");
        }

        if (length > maxBytes)
        {
            throw new DomainException("upload.too_large", $"파일이 너무 큽니다. {Describe(maxBytes)} 이하의 이미지를 올려 주세요.", Describe(maxBytes));
        }
    }

    /// <summary>The format the leading bytes belong to, or null when it is none we accept.</summary>
    public static ImageFormat? Detect(ReadOnlySpan<byte> header)
    {
        if (header.StartsWith(JpegMagic))
        {
            return ImageFormat.Jpeg;
        }

        if (header.StartsWith(PngMagic))
        {
            return ImageFormat.Png;
        }

        // RIFF container: "RIFF", 4 bytes of little-endian size, then the form type "WEBP".
        if (header.Length >= HeaderLength && header.StartsWith(RiffMagic) && header.Slice(8, 4).SequenceEqual(WebPMagic))
        {
            return ImageFormat.WebP;
        }

        return null;
    }

    /// <summary>"image/PNG; charset=x" → "image/PNG" (compared ignoring case); blank → null.</summary>
    private static string? Normalise(string? contentType)
    {
        if (string.IsNullOrWhiteSpace(contentType))
        {
            return null;
        }

        var semicolon = contentType.IndexOf(';', StringComparison.Ordinal);
        var mediaType = semicolon >= 0 ? contentType[..semicolon] : contentType;
        return mediaType.Trim();
    }

    private static string Describe(long bytes) =>
        bytes % (1024 * 1024) == 0
            ? string.Create(CultureInfo.InvariantCulture, $"{bytes / (1024 * 1024)}MB")
            : bytes % 1024 == 0
                ? string.Create(CultureInfo.InvariantCulture, $"{bytes / 1024}KB")
                : string.Create(CultureInfo.InvariantCulture, $"{bytes:N0}바이트");
}
