using TicketBlue.Domain.Common;

namespace TicketBlue.Domain.Performances;

/// <summary>A stored poster image: its blob-store key (never the uploader's file name), type and size.</summary>
public sealed record Poster
{
    public static readonly IReadOnlySet<string> AllowedContentTypes =
        new HashSet<string>(StringComparer.Ordinal) { "image/jpeg", "image/png", "image/webp", "image/svg+xml" };

    public Poster(string key, string contentType, long sizeBytes)
    {
        Key = Guard.NotBlank(key, "poster.key", "포스터 키가 없습니다.", 200);
        if (!AllowedContentTypes.Contains(contentType))
        {
            throw new DomainException("poster.type", "포스터는 JPEG, PNG, WebP 이미지만 쓸 수 있습니다. (SVG는 시스템이 만든 포스터에만 씁니다.)");
        }

        if (sizeBytes <= 0)
        {
            throw new DomainException("poster.size", "빈 파일은 포스터로 쓸 수 없습니다.");
        }

        ContentType = contentType;
        SizeBytes = sizeBytes;
    }

    public string Key { get; }

    public string ContentType { get; }

    public long SizeBytes { get; }
}
