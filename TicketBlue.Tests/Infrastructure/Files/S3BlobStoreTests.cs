using Amazon.Runtime;
using Amazon.S3;
using Amazon.S3.Model;
using Shouldly;
using TicketBlue.Domain.Files;
using TicketBlue.Infrastructure.Files;
using TicketBlue.Tests.Fixtures;

namespace TicketBlue.Tests.Infrastructure.Files;

/// <summary>The blob-store contract against a real S3-compatible server (s3rver), plus what only S3 has: buckets.</summary>
[Trait("Category", "Integration")]
public sealed class S3BlobStoreTests : BlobStoreContractTests, IClassFixture<S3Server>, IDisposable
{
    private readonly S3Server _server;
    private readonly S3BlobStoreOptions _options;
    private readonly S3BlobStore _store;

    /// <summary>Every test gets its own bucket, so no test sees another's objects.</summary>
    public S3BlobStoreTests(S3Server server)
    {
        _server = server;
        _options = server.StoreOptions();
        _store = S3Server.CreateStore(_options);
    }

    protected override IBlobStore Store => _store;

    public void Dispose() => _store.Dispose();

    [Fact]
    public async Task ShouldCreateThePrivateBucket_GivenItIsMissingAndCreationIsAllowed()
    {
        var bucket = S3Server.NewBucketName();
        using var admin = CreateClient();
        (await BucketExistsAsync(admin, bucket)).ShouldBeFalse();
        using var store = S3Server.CreateStore(_server.StoreOptions(bucket, createBucketIfMissing: true));

        using (var upload = new MemoryStream([1, 2, 3]))
        {
            await store.PutAsync(NewKey(), upload, "image/png", Ct);
        }

        (await BucketExistsAsync(admin, bucket)).ShouldBeTrue();
        var objects = await admin.ListObjectsV2Async(new ListObjectsV2Request { BucketName = bucket }, Ct);
        objects.S3Objects.ShouldHaveSingleItem().Size.ShouldBe(3);
    }

    [Fact]
    public async Task ShouldFailLoudly_GivenAMissingBucketThatMayNotBeCreated()
    {
        var bucket = S3Server.NewBucketName();
        using var store = S3Server.CreateStore(_server.StoreOptions(bucket, createBucketIfMissing: false));

        // A missing bucket is a configuration error, never "no such poster".
        var exception = await Should.ThrowAsync<AmazonS3Exception>(() => store.OpenAsync(NewKey(), Ct));

        exception.ErrorCode.ShouldBe("NoSuchBucket");
        using var admin = CreateClient();
        (await BucketExistsAsync(admin, bucket)).ShouldBeFalse();
    }

    [Fact]
    public async Task ShouldUseAnExistingBucket_GivenTwoStoresOnTheSameBucket()
    {
        var options = _server.StoreOptions();
        using var writer = S3Server.CreateStore(options);
        using var reader = S3Server.CreateStore(options);
        var key = NewKey("jpg");
        using (var upload = new MemoryStream([0xFF, 0xD8, 0xFF]))
        {
            await writer.PutAsync(key, upload, "image/jpeg", Ct);
        }

        var blob = await reader.OpenAsync(key, Ct);

        blob.ShouldNotBeNull();
        (await ReadAllAsync(blob)).ShouldBe([0xFF, 0xD8, 0xFF]);
    }

    [Fact]
    public async Task ShouldStoreThePlainBytes_GivenTheObjectIsReadWithoutTheStore()
    {
        // Guards the chunk-encoding setting: with aws-chunked uploads s3rver keeps the
        // "size;chunk-signature=…" framing inside the object, which only a raw read shows.
        var key = NewKey();
        using (var upload = new MemoryStream([10, 20, 30, 40]))
        {
            await _store.PutAsync(key, upload, "image/png", Ct);
        }

        using var admin = CreateClient();
        using var response = await admin.GetObjectAsync(_options.BucketName, key, Ct);
        using var copy = new MemoryStream();
        await response.ResponseStream.CopyToAsync(copy, Ct);

        copy.ToArray().ShouldBe([10, 20, 30, 40]);
        response.Headers.ContentType.ShouldBe("image/png");
    }

    private AmazonS3Client CreateClient() => new(
        new BasicAWSCredentials(S3Server.AccessKey, S3Server.SecretKey),
        new AmazonS3Config
        {
            ServiceURL = _server.ServiceUrl.ToString(),
            AuthenticationRegion = "us-east-1",
            ForcePathStyle = true,
            RequestChecksumCalculation = RequestChecksumCalculation.WHEN_REQUIRED,
            ResponseChecksumValidation = ResponseChecksumValidation.WHEN_REQUIRED,
        });

    private static async Task<bool> BucketExistsAsync(AmazonS3Client client, string bucket)
    {
        var buckets = await client.ListBucketsAsync(new ListBucketsRequest(), Ct);
        return (buckets.Buckets ?? []).Any(b => b.BucketName == bucket);
    }
}
