using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Shouldly;
using TicketBlue.Domain.Files;
using TicketBlue.Infrastructure.Files;
using TicketBlue.Tests.Fixtures;

namespace TicketBlue.Tests.Infrastructure.Files;

/// <summary><c>AddBlobStorage</c> on a real host: which store <c>Files:Provider</c> picks, and start-up validation.</summary>
[Trait("Category", "Integration")]
public sealed class BlobStorageRegistrationTests : IDisposable
{
    private readonly string _contentRoot = Path.Combine(Path.GetTempPath(), "tb-test-blob-registration", Guid.NewGuid().ToString("N"));

    public BlobStorageRegistrationTests() => Directory.CreateDirectory(_contentRoot);

    public void Dispose() => Directory.Delete(_contentRoot, recursive: true);

    [Fact]
    public void ShouldUseTheFileSystemUnderTheContentRoot_GivenNoProvider()
    {
        using var host = Build(new() { ["Files:RootPath"] = "media" });

        host.Services.GetRequiredService<IBlobStore>().ShouldBeOfType<FileSystemBlobStore>();
        host.Services.GetRequiredService<IOptions<FileSystemBlobStoreOptions>>().Value.RootPath.ShouldBe(Path.Combine(_contentRoot, "media"));
        host.Services.GetRequiredService<ImageUploadService>().ShouldNotBeNull();
    }

    [Fact]
    public void ShouldKeepAnAbsoluteRootPath_GivenTheFileSystemProvider()
    {
        var absolute = Path.Combine(_contentRoot, "elsewhere");
        using var host = Build(new() { ["Files:Provider"] = "FileSystem", ["Files:RootPath"] = absolute });

        host.Services.GetRequiredService<IOptions<FileSystemBlobStoreOptions>>().Value.RootPath.ShouldBe(absolute);
    }

    [Fact]
    public async Task ShouldRefuseToStart_GivenAnEmptyRootPath()
    {
        using var host = Build(new() { ["Files:RootPath"] = string.Empty });

        await Should.ThrowAsync<OptionsValidationException>(() => host.StartAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public void ShouldUseS3_GivenTheS3ProviderAndItsSettings()
    {
        using var host = Build(new()
        {
            ["Files:Provider"] = "S3",
            ["Files:S3:ServiceUrl"] = "http://127.0.0.1:9",
            ["Files:S3:BucketName"] = "ticketblue-media",
            ["Files:S3:AccessKey"] = "key",
            ["Files:S3:SecretKey"] = "secret",
            ["Files:S3:ForcePathStyle"] = "true",
        });

        host.Services.GetRequiredService<IBlobStore>().ShouldBeOfType<S3BlobStore>();
        var options = host.Services.GetRequiredService<IOptions<S3BlobStoreOptions>>().Value;
        options.Region.ShouldBe("ap-northeast-2");
        options.ForcePathStyle.ShouldBeTrue();
        options.CreateBucketIfMissing.ShouldBeFalse();
    }

    [Fact]
    public async Task ShouldRefuseToStartNamingEveryProblem_GivenS3WithoutBucketOrKeys()
    {
        using var host = Build(new() { ["Files:Provider"] = "S3", ["Files:S3:ServiceUrl"] = "not a url" });

        var exception = await Should.ThrowAsync<OptionsValidationException>(() => host.StartAsync(TestContext.Current.CancellationToken));

        exception.Failures.ShouldContain(f => f.Contains("BucketName", StringComparison.Ordinal));
        exception.Failures.ShouldContain(f => f.Contains("AccessKey", StringComparison.Ordinal));
        exception.Failures.ShouldContain(f => f.Contains("SecretKey", StringComparison.Ordinal));
        exception.Failures.ShouldContain(f => f.Contains("ServiceUrl", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("Ticket_Blue")]
    [InlineData("ab")]
    [InlineData("-ticketblue")]
    public async Task ShouldRefuseToStart_GivenAnInvalidBucketName(string bucket)
    {
        using var host = Build(new()
        {
            ["Files:Provider"] = "S3",
            ["Files:S3:BucketName"] = bucket,
            ["Files:S3:AccessKey"] = "key",
            ["Files:S3:SecretKey"] = "secret",
        });

        var exception = await Should.ThrowAsync<OptionsValidationException>(() => host.StartAsync(TestContext.Current.CancellationToken));

        exception.Failures.ShouldHaveSingleItem().ShouldContain("BucketName");
    }

    [Fact]
    public void ShouldRefuseAnUnknownProvider_GivenATypo()
    {
        var exception = Should.Throw<InvalidOperationException>(() => Build(new() { ["Files:Provider"] = "S4" }));

        exception.Message.ShouldContain("Files:Provider");
    }

    [Fact]
    public async Task ShouldStoreAndReadThroughTheRegisteredStore_GivenS3rver()
    {
        await using var server = new S3Server();
        await server.InitializeAsync();
        using var host = Build(new()
        {
            ["Files:Provider"] = "s3",
            ["Files:S3:ServiceUrl"] = server.ServiceUrl.ToString(),
            ["Files:S3:Region"] = "us-east-1",
            ["Files:S3:BucketName"] = S3Server.NewBucketName(),
            ["Files:S3:AccessKey"] = S3Server.AccessKey,
            ["Files:S3:SecretKey"] = S3Server.SecretKey,
            ["Files:S3:ForcePathStyle"] = "true",
            ["Files:S3:CreateBucketIfMissing"] = "true",
        });
        await host.StartAsync(TestContext.Current.CancellationToken);
        var uploads = host.Services.GetRequiredService<ImageUploadService>();
        using var upload = new MemoryStream([.. Domain.Files.ImageUploadTests.JpegHeader, .. new byte[64]]);

        var stored = await uploads.StoreAsync(upload, "image/jpeg", null, ImageUploadService.PostersFolder, TestContext.Current.CancellationToken);

        var blob = await host.Services.GetRequiredService<IBlobStore>().OpenAsync(stored.Key, TestContext.Current.CancellationToken);
        blob.ShouldNotBeNull();
        await blob.Content.DisposeAsync();
        blob.ContentType.ShouldBe("image/jpeg");
        blob.Length.ShouldBe(76);
        await host.StopAsync(TestContext.Current.CancellationToken);
    }

    private IHost Build(Dictionary<string, string?> settings)
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings { ContentRootPath = _contentRoot });
        builder.Configuration.AddInMemoryCollection(settings);
        builder.Services.AddLogging();
        builder.AddBlobStorage();
        return builder.Build();
    }
}
