using Microsoft.Extensions.Options;

namespace TicketBlue.Infrastructure.Files;

/// <summary>Where the S3 adapter keeps blobs (configuration section <c>Files:S3</c>).</summary>
public sealed class S3BlobStoreOptions
{
    public const string Section = "Files:S3";

    /// <summary>
    /// An S3-compatible endpoint (s3rver, MinIO, Cloudflare R2, NCP Object Storage …); empty for
    /// Amazon S3 itself, whose endpoint follows from <see cref="Region"/>.
    /// </summary>
    public string? ServiceUrl { get; set; }

    /// <summary>The region requests are signed for; Seoul unless configured.</summary>
    public string Region { get; set; } = "ap-northeast-2";

    public string BucketName { get; set; } = string.Empty;

    public string AccessKey { get; set; } = string.Empty;

    public string SecretKey { get; set; } = string.Empty;

    /// <summary>
    /// Address the bucket in the path (<c>host/bucket/key</c>) rather than the host name; most
    /// S3-compatible servers on a plain host and port need it.
    /// </summary>
    public bool ForcePathStyle { get; set; }

    /// <summary>Create the bucket (private) on first use; for development and tests, not production.</summary>
    public bool CreateBucketIfMissing { get; set; }
}

/// <summary>Fails the start-up with every problem at once, rather than the first upload with one.</summary>
public sealed class S3BlobStoreOptionsValidator : IValidateOptions<S3BlobStoreOptions>
{
    public ValidateOptionsResult Validate(string? name, S3BlobStoreOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        if (!IsValidBucketName(options.BucketName))
        {
            failures.Add($"{S3BlobStoreOptions.Section}:BucketName must be a bucket name (3-63 lower-case letters, digits, '.' or '-').");
        }

        if (string.IsNullOrWhiteSpace(options.Region))
        {
            failures.Add($"{S3BlobStoreOptions.Section}:Region is required (e.g. ap-northeast-2).");
        }

        if (string.IsNullOrWhiteSpace(options.AccessKey))
        {
            failures.Add($"{S3BlobStoreOptions.Section}:AccessKey is required.");
        }

        if (string.IsNullOrWhiteSpace(options.SecretKey))
        {
            failures.Add($"{S3BlobStoreOptions.Section}:SecretKey is required.");
        }

        if (!string.IsNullOrWhiteSpace(options.ServiceUrl)
            && !(Uri.TryCreate(options.ServiceUrl, UriKind.Absolute, out var url) && (url.Scheme == Uri.UriSchemeHttp || url.Scheme == Uri.UriSchemeHttps)))
        {
            failures.Add($"{S3BlobStoreOptions.Section}:ServiceUrl must be an absolute http(s) URL, or empty for Amazon S3.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static bool IsValidBucketName(string? name) =>
        name is { Length: >= 3 and <= 63 }
        && char.IsAsciiLetterOrDigit(name[0])
        && name.All(ch => char.IsAsciiLetterLower(ch) || char.IsAsciiDigit(ch) || ch is '.' or '-');
}
