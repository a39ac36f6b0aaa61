using System.Text;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using NSubstitute;
using NSubstitute.ExceptionExtensions;
using Shouldly;
using TicketBlue.Domain.Common;
using TicketBlue.Domain.Files;
using TicketBlue.Infrastructure.Files;
using TicketBlue.Tests.Domain.Files;

namespace TicketBlue.Tests.Infrastructure.Files;

/// <summary>The upload service on the real file-system store in a temporary folder.</summary>
[Trait("Category", "Integration")]
public sealed class ImageUploadServiceTests : IDisposable
{
    private static readonly DateTimeOffset Now = new(2026, 11, 25, 3, 0, 0, TimeSpan.Zero);

    private readonly string _root = Path.Combine(Path.GetTempPath(), "tb-test-uploads", Guid.NewGuid().ToString("N"));
    private readonly FileSystemBlobStore _store;
    private readonly ImageUploadService _service;

    public ImageUploadServiceTests()
    {
        _store = new FileSystemBlobStore(Options.Create(new FileSystemBlobStoreOptions { RootPath = _root }));
        _service = Service(_store);
    }

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public void Dispose()
    {
        if (Directory.Exists(_root))
        {
            Directory.Delete(_root, recursive: true);
        }
    }

    [Fact]
    public async Task ShouldStoreThePngUnderAGeneratedKey_GivenAValidUpload()
    {
        var png = Png(5_000);
        using var upload = new MemoryStream(png);

        var stored = await _service.StoreAsync(upload, "image/png", png.Length, ImageUploadService.PostersFolder, Ct);

        stored.Key.ShouldMatch(@"^posters/2026/11/[0-9a-f]{32}\.png$");
        stored.ContentType.ShouldBe("image/png");
        stored.SizeBytes.ShouldBe(png.Length);
        var blob = await _store.OpenAsync(stored.Key, Ct);
        blob.ShouldNotBeNull();
        blob.ContentType.ShouldBe("image/png");
        await using var content = blob.Content;
        using var copy = new MemoryStream();
        await content.CopyToAsync(copy, Ct);
        copy.ToArray().ShouldBe(png);
    }

    [Fact]
    public async Task ShouldStoreTheTypeTheBytesProve_GivenNoDeclaredTypeOrLength()
    {
        using var upload = new MemoryStream([.. ImageUploadTests.WebPHeader, .. new byte[100]]);

        var stored = await _service.StoreAsync(upload, null, null, ImageUploadService.PerformersFolder, Ct);

        stored.Key.ShouldMatch(@"^performers/2026/11/[0-9a-f]{32}\.webp$");
        stored.ContentType.ShouldBe("image/webp");
    }

    [Fact]
    public async Task ShouldGiveEveryUploadItsOwnKey_GivenTheSameImageTwice()
    {
        var png = Png(100);
        using var first = new MemoryStream(png);
        using var second = new MemoryStream(png);

        var a = await _service.StoreAsync(first, "image/png", png.Length, ImageUploadService.PostersFolder, Ct);
        var b = await _service.StoreAsync(second, "image/png", png.Length, ImageUploadService.PostersFolder, Ct);

        a.Key.ShouldNotBe(b.Key);
        StoredFiles().Count.ShouldBe(4); // each blob and its content-type file
    }

    [Theory]
    [InlineData("avatars")]
    [InlineData("../posters")]
    [InlineData("posters/../../etc")]
    [InlineData("")]
    public async Task ShouldRefuseTheFolder_GivenOneNotOnTheAllowList(string folder)
    {
        using var upload = new MemoryStream(Png(100));

        await Should.ThrowAsync<ArgumentException>(() => _service.StoreAsync(upload, "image/png", 100, folder, Ct));

        StoredFiles().ShouldBeEmpty();
    }

    [Fact]
    public async Task ShouldLeaveTheStoreEmpty_GivenAnUploadOneByteOverTheLimit()
    {
        using var upload = new MemoryStream(Png((int)ImageUpload.MaxBytes + 1));

        var exception = await Should.ThrowAsync<DomainException>(() => _service.StoreAsync(upload, "image/png", null, ImageUploadService.PostersFolder, Ct));

        exception.Code.ShouldBe("upload.too_large");
        StoredFiles().ShouldBeEmpty();
    }

    [Fact]
    public async Task ShouldStore_GivenAnUploadOfExactlyTheLimit()
    {
        using var upload = new MemoryStream(Png((int)ImageUpload.MaxBytes));

        var stored = await _service.StoreAsync(upload, "image/png", ImageUpload.MaxBytes, ImageUploadService.PostersFolder, Ct);

        stored.SizeBytes.ShouldBe(ImageUpload.MaxBytes);
        new FileInfo(Path.Combine(_root, stored.Key)).Length.ShouldBe(ImageUpload.MaxBytes);
    }

    [Theory]
    [InlineData("image/jpeg", "upload.type_mismatch")]
    [InlineData("text/html", "upload.unsupported_type")]
    public async Task ShouldLeaveTheStoreEmpty_GivenAnHtmlPage(string declared, string code)
    {
        using var upload = new MemoryStream(Encoding.UTF8.GetBytes("<html><script>alert(document.cookie)</script></html>"));

        var exception = await Should.ThrowAsync<DomainException>(() => _service.StoreAsync(upload, declared, upload.Length, ImageUploadService.PostersFolder, Ct));

        exception.Code.ShouldBe(code);
        StoredFiles().ShouldBeEmpty();
    }

    [Fact]
    public async Task ShouldRefuseAsEmpty_GivenNoBytes()
    {
        using var upload = new MemoryStream();

        var exception = await Should.ThrowAsync<DomainException>(() => _service.StoreAsync(upload, "image/png", 0, ImageUploadService.PostersFolder, Ct));

        exception.Code.ShouldBe("upload.empty");
        StoredFiles().ShouldBeEmpty();
    }

    [Fact]
    public async Task ShouldStopReadingAtTheLimit_GivenAStreamFarLongerThanTheLimit()
    {
        using var upload = new CountingStream(ImageUploadTests.PngHeader, totalLength: 1L << 40);

        var exception = await Should.ThrowAsync<DomainException>(() => _service.StoreAsync(upload, "image/png", null, ImageUploadService.PostersFolder, Ct));

        exception.Code.ShouldBe("upload.too_large");
        upload.BytesRead.ShouldBe(ImageUpload.MaxBytes + 1);
        StoredFiles().ShouldBeEmpty();
    }

    [Fact]
    public async Task ShouldNotBelieveTheDeclaredLength_GivenASmallLengthForALargeStream()
    {
        using var upload = new CountingStream(ImageUploadTests.PngHeader, totalLength: ImageUpload.MaxBytes * 3);

        var exception = await Should.ThrowAsync<DomainException>(() => _service.StoreAsync(upload, "image/png", 1_000, ImageUploadService.PostersFolder, Ct));

        exception.Code.ShouldBe("upload.too_large");
        upload.BytesRead.ShouldBe(ImageUpload.MaxBytes + 1);
    }

    [Fact]
    public async Task ShouldRefuseUnread_GivenADeclaredLengthOverTheLimit()
    {
        using var upload = new CountingStream(ImageUploadTests.PngHeader, totalLength: ImageUpload.MaxBytes * 3);

        var exception = await Should.ThrowAsync<DomainException>(() => _service.StoreAsync(upload, "image/png", ImageUpload.MaxBytes * 3, ImageUploadService.PostersFolder, Ct));

        exception.Code.ShouldBe("upload.too_large");
        upload.BytesRead.ShouldBe(0);
    }

    [Fact]
    public async Task ShouldApplyTheCallersLimit_GivenASmallerMaximum()
    {
        using var upload = new MemoryStream(Png(2_000));

        var exception = await Should.ThrowAsync<DomainException>(() => _service.StoreAsync(upload, "image/png", null, ImageUploadService.PostersFolder, 1_024, Ct));

        exception.Code.ShouldBe("upload.too_large");
        StoredFiles().ShouldBeEmpty();
    }

    [Fact]
    public async Task ShouldDeleteWhatWasWritten_GivenTheStoreFailsAfterWriting()
    {
        var service = Service(new FailsAfterWritingStore(_store));
        using var upload = new MemoryStream(Png(5_000));

        await Should.ThrowAsync<IOException>(() => service.StoreAsync(upload, "image/png", null, ImageUploadService.PostersFolder, Ct));

        StoredFiles().ShouldBeEmpty();
    }

    [Fact]
    public async Task ShouldDeleteWhatWasWritten_GivenTheUploadIsCancelledDuringThePut()
    {
        using var cancellation = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        var service = Service(new FailsAfterWritingStore(_store, () => cancellation.Cancel()));
        using var upload = new MemoryStream(Png(5_000));

        await Should.ThrowAsync<OperationCanceledException>(() => service.StoreAsync(upload, "image/png", null, ImageUploadService.PostersFolder, cancellation.Token));

        StoredFiles().ShouldBeEmpty();
    }

    [Fact]
    public async Task ShouldDeleteTheOldImage_GivenItIsReplaced()
    {
        using var upload = new MemoryStream(Png(300));
        var old = await _service.StoreAsync(upload, "image/png", null, ImageUploadService.PostersFolder, Ct);

        await _service.DeleteQuietlyAsync(old.Key, Ct);

        (await _store.OpenAsync(old.Key, Ct)).ShouldBeNull();
        StoredFiles().ShouldBeEmpty();
    }

    [Fact]
    public async Task ShouldNotThrow_GivenTheStoreCannotDelete()
    {
        var store = Substitute.For<IBlobStore>();
        store.DeleteAsync(Arg.Any<string>(), Arg.Any<CancellationToken>()).ThrowsAsync(new IOException("disk gone"));
        var service = Service(store);

        await Should.NotThrowAsync(() => service.DeleteQuietlyAsync("posters/2026/11/old.png", Ct));

        await store.Received(1).DeleteAsync("posters/2026/11/old.png", Arg.Any<CancellationToken>());
    }

    private static ImageUploadService Service(IBlobStore store) =>
        new(store, new FakeTimeProvider(Now), NullLogger<ImageUploadService>.Instance);

    /// <summary>A PNG signature followed by filler: enough for the rule, which reads magic numbers only.</summary>
    private static byte[] Png(int length)
    {
        var bytes = new byte[length];
        ImageUploadTests.PngHeader.AsSpan(0, Math.Min(length, ImageUploadTests.PngHeader.Length)).CopyTo(bytes);
        return bytes;
    }

    private List<string> StoredFiles() =>
        Directory.Exists(_root) ? [.. Directory.EnumerateFiles(_root, "*", SearchOption.AllDirectories)] : [];

    /// <summary>Writes the whole blob, then fails: the worst case of a partial put.</summary>
    private sealed class FailsAfterWritingStore(IBlobStore inner, Action? afterWrite = null) : IBlobStore
    {
        public async Task PutAsync(string key, Stream content, string contentType, CancellationToken cancellationToken)
        {
            await inner.PutAsync(key, content, contentType, cancellationToken);
            if (afterWrite is not null)
            {
                afterWrite();
                cancellationToken.ThrowIfCancellationRequested();
            }

            throw new IOException("The connection was reset after the upload.");
        }

        public Task<StoredBlob?> OpenAsync(string key, CancellationToken cancellationToken) => inner.OpenAsync(key, cancellationToken);

        public Task DeleteAsync(string key, CancellationToken cancellationToken) => inner.DeleteAsync(key, cancellationToken);
    }

    /// <summary>A generated stream of any length (never held in memory) that counts what was read from it.</summary>
    private sealed class CountingStream(byte[] header, long totalLength) : Stream
    {
        public long BytesRead { get; private set; }

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position
        {
            get => throw new NotSupportedException();
            set => throw new NotSupportedException();
        }

        public override int Read(byte[] buffer, int offset, int count)
        {
            var n = (int)Math.Min(count, totalLength - BytesRead);
            for (var i = 0; i < n; i++)
            {
                var position = BytesRead + i;
                buffer[offset + i] = position < header.Length ? header[position] : (byte)0;
            }

            BytesRead += n;
            return n;
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
