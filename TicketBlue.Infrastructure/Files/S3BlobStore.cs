using System.Net;
using Amazon;
using Amazon.Runtime;
using Amazon.S3;
using Amazon.S3.Model;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using TicketBlue.Domain.Files;

namespace TicketBlue.Infrastructure.Files;

/// <summary>
/// Blobs as objects in one S3 (or S3-compatible) bucket. Objects are private: nothing is uploaded
/// with a public ACL, and they reach browsers only through the media endpoint, which sets the
/// content type, nosniff and a sandboxing CSP (ASVS 12.4.1, 12.5.2).
/// </summary>
public sealed partial class S3BlobStore : IBlobStore, IDisposable
{
    /// <summary>Same limit as a poster key in the domain and the media endpoint.</summary>
    private const int MaxKeyLength = 200;

    private readonly AmazonS3Client _client;
    private readonly string _bucket;
    private readonly bool _createBucketIfMissing;
    private readonly ILogger<S3BlobStore> _logger;
    private readonly SemaphoreSlim _bucketGate = new(1, 1);
    private volatile bool _bucketReady;

    public S3BlobStore(IOptions<S3BlobStoreOptions> options, ILogger<S3BlobStore> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        var settings = options.Value;
        _bucket = settings.BucketName;
        _createBucketIfMissing = settings.CreateBucketIfMissing;
        _logger = logger;

        var config = new AmazonS3Config
        {
            ForcePathStyle = settings.ForcePathStyle,

            // SDK v4 adds CRC trailers and aws-chunked framing to every upload by default;
            // S3-compatible servers that do not speak it (s3rver) store the framing as the object.
            RequestChecksumCalculation = RequestChecksumCalculation.WHEN_REQUIRED,
            ResponseChecksumValidation = ResponseChecksumValidation.WHEN_REQUIRED,
        };
        if (string.IsNullOrWhiteSpace(settings.ServiceUrl))
        {
            config.RegionEndpoint = RegionEndpoint.GetBySystemName(settings.Region);
        }
        else
        {
            config.ServiceURL = settings.ServiceUrl;
            config.AuthenticationRegion = settings.Region;
        }

        _client = new AmazonS3Client(new BasicAWSCredentials(settings.AccessKey, settings.SecretKey), config);
    }

    public async Task PutAsync(string key, Stream content, string contentType, CancellationToken cancellationToken)
    {
        ValidateKey(key);
        ArgumentNullException.ThrowIfNull(content);
        await EnsureBucketAsync(cancellationToken);

        // Without chunked encoding the SDK needs the length and the payload hash up front, which
        // takes a seekable stream; uploads here are images of a few MB at most.
        var body = content;
        if (!content.CanSeek)
        {
            body = new MemoryStream();
            await content.CopyToAsync(body, cancellationToken);
            body.Position = 0;
        }

        try
        {
            var request = new PutObjectRequest
            {
                BucketName = _bucket,
                Key = key,
                InputStream = body,
                ContentType = contentType,
                UseChunkEncoding = false,

                // The caller owns its stream (it may still clean up or retry with it).
                AutoCloseStream = false,
            };
            await _client.PutObjectAsync(request, cancellationToken);
        }
        finally
        {
            if (!ReferenceEquals(body, content))
            {
                await body.DisposeAsync();
            }
        }
    }

    public async Task<StoredBlob?> OpenAsync(string key, CancellationToken cancellationToken)
    {
        ValidateKey(key);
        await EnsureBucketAsync(cancellationToken);
        try
        {
            var response = await _client.GetObjectAsync(new GetObjectRequest { BucketName = _bucket, Key = key }, cancellationToken);

            // Disposing the response stream releases the connection; the response holds nothing else.
            return new StoredBlob(
                response.ResponseStream,
                string.IsNullOrEmpty(response.Headers.ContentType) ? "application/octet-stream" : response.Headers.ContentType,
                response.ContentLength);
        }
        catch (AmazonS3Exception exception) when (IsMissingObject(exception))
        {
            return null;
        }
    }

    public async Task DeleteAsync(string key, CancellationToken cancellationToken)
    {
        ValidateKey(key);
        await EnsureBucketAsync(cancellationToken);

        // S3 answers 204 for a key that is not there, so deleting twice is fine.
        await _client.DeleteObjectAsync(new DeleteObjectRequest { BucketName = _bucket, Key = key }, cancellationToken);
    }

    public void Dispose()
    {
        _client.Dispose();
        _bucketGate.Dispose();
    }

    /// <summary>
    /// The file-system store's rule (no blank key, no "..", no rooted key), narrowed to what the
    /// media endpoint can serve. ".." matters here too: an HTTP client or proxy that normalises
    /// the path of a path-style request would turn "a/../../other-bucket/x" into another bucket.
    /// </summary>
    private static void ValidateKey(string key)
    {
        if (string.IsNullOrWhiteSpace(key)
            || key.Length > MaxKeyLength
            || key.Contains("..", StringComparison.Ordinal)
            || key.Contains("//", StringComparison.Ordinal)
            || key[0] == '/'
            || !key.All(ch => char.IsAsciiLetterOrDigit(ch) || ch is '/' or '-' or '_' or '.'))
        {
            throw new ArgumentException("Invalid blob key.", nameof(key));
        }
    }

    /// <summary>A missing key is "no blob"; a missing bucket is a configuration error and must surface.</summary>
    private static bool IsMissingObject(AmazonS3Exception exception) =>
        exception.ErrorCode == "NoSuchKey"
        || (exception.StatusCode == HttpStatusCode.NotFound && exception.ErrorCode != "NoSuchBucket");

    private async Task EnsureBucketAsync(CancellationToken cancellationToken)
    {
        if (_bucketReady || !_createBucketIfMissing)
        {
            return;
        }

        await _bucketGate.WaitAsync(cancellationToken);
        try
        {
            if (_bucketReady)
            {
                return;
            }

            try
            {
                await _client.HeadBucketAsync(new HeadBucketRequest { BucketName = _bucket }, cancellationToken);
            }
            catch (AmazonS3Exception exception) when (exception.StatusCode == HttpStatusCode.NotFound)
            {
                try
                {
                    // No ACL given: a new bucket is private.
                    await _client.PutBucketAsync(new PutBucketRequest { BucketName = _bucket }, cancellationToken);
                    LogBucketCreated(_logger, _bucket);
                }
                catch (AmazonS3Exception race) when (race.ErrorCode is "BucketAlreadyOwnedByYou" or "BucketAlreadyExists")
                {
                    // Another node created it between our HEAD and PUT.
                }
            }

            _bucketReady = true;
        }
        finally
        {
            _bucketGate.Release();
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Created S3 bucket {Bucket}")]
    private static partial void LogBucketCreated(ILogger logger, string bucket);
}
