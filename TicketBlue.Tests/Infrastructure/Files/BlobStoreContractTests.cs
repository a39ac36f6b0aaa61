using System.Security.Cryptography;
using Shouldly;
using TicketBlue.Domain.Files;

namespace TicketBlue.Tests.Infrastructure.Files;

/// <summary>
/// What every <see cref="IBlobStore"/> adapter must do, run against each real one: the app must
/// behave the same on a developer's disk and on S3.
/// </summary>
public abstract class BlobStoreContractTests
{
    protected abstract IBlobStore Store { get; }

    protected static CancellationToken Ct => TestContext.Current.CancellationToken;

    protected static string NewKey(string extension = "png") => $"posters/2026/11/{Guid.CreateVersion7():N}.{extension}";

    protected static async Task<byte[]> ReadAllAsync(StoredBlob blob)
    {
        await using var content = blob.Content;
        using var copy = new MemoryStream();
        await content.CopyToAsync(copy, Ct);
        return copy.ToArray();
    }

    [Fact]
    public async Task ShouldReturnTheSameBytesAndContentType_GivenAPutBlob()
    {
        // Larger than one copy buffer, and random, so a truncated or re-framed object cannot pass.
        var bytes = RandomNumberGenerator.GetBytes(300_000);
        var key = NewKey();
        using (var upload = new MemoryStream(bytes))
        {
            await Store.PutAsync(key, upload, "image/png", Ct);
        }

        var blob = await Store.OpenAsync(key, Ct);

        blob.ShouldNotBeNull();
        blob.ContentType.ShouldBe("image/png");
        blob.Length.ShouldBe(bytes.Length);
        (await ReadAllAsync(blob)).ShouldBe(bytes);
    }

    [Fact]
    public async Task ShouldStoreEveryByte_GivenAStreamThatCannotSeek()
    {
        var bytes = RandomNumberGenerator.GetBytes(70_000);
        var key = NewKey("webp");
        using (var upload = new ForwardOnlyStream(bytes))
        {
            await Store.PutAsync(key, upload, "image/webp", Ct);
        }

        var blob = await Store.OpenAsync(key, Ct);

        blob.ShouldNotBeNull();
        blob.ContentType.ShouldBe("image/webp");
        (await ReadAllAsync(blob)).ShouldBe(bytes);
    }

    [Fact]
    public async Task ShouldReturnNull_GivenAKeyNeverPut()
    {
        (await Store.OpenAsync(NewKey(), Ct)).ShouldBeNull();
    }

    [Fact]
    public async Task ShouldReturnNull_GivenADeletedKey()
    {
        var key = NewKey();
        using (var upload = new MemoryStream([1, 2, 3]))
        {
            await Store.PutAsync(key, upload, "image/png", Ct);
        }

        await Store.DeleteAsync(key, Ct);

        (await Store.OpenAsync(key, Ct)).ShouldBeNull();
    }

    [Fact]
    public async Task ShouldKeepOtherBlobs_GivenOneIsDeleted()
    {
        var deleted = NewKey();
        var kept = NewKey();
        foreach (var key in new[] { deleted, kept })
        {
            using var upload = new MemoryStream([9, 8, 7]);
            await Store.PutAsync(key, upload, "image/jpeg", Ct);
        }

        await Store.DeleteAsync(deleted, Ct);

        var blob = await Store.OpenAsync(kept, Ct);
        blob.ShouldNotBeNull();
        (await ReadAllAsync(blob)).ShouldBe([9, 8, 7]);
    }

    [Fact]
    public async Task ShouldDoNothing_GivenADeleteOfAKeyNeverPut()
    {
        var key = NewKey();

        await Should.NotThrowAsync(() => Store.DeleteAsync(key, Ct));
        (await Store.OpenAsync(key, Ct)).ShouldBeNull();
    }

    [Fact]
    public async Task ShouldServeTheNewContent_GivenAPutOverAnExistingKey()
    {
        var key = NewKey();
        using (var first = new MemoryStream([1, 1, 1, 1]))
        {
            await Store.PutAsync(key, first, "image/png", Ct);
        }

        using (var second = new MemoryStream([2, 2]))
        {
            await Store.PutAsync(key, second, "image/jpeg", Ct);
        }

        var blob = await Store.OpenAsync(key, Ct);
        blob.ShouldNotBeNull();
        blob.ContentType.ShouldBe("image/jpeg");
        (await ReadAllAsync(blob)).ShouldBe([2, 2]);
    }

    [Fact]
    public async Task ShouldLeaveNoBlob_GivenTheUploadStreamFailsHalfway()
    {
        var key = NewKey();
        using var upload = new FailingStream(bytesBeforeFailure: 50_000);

        await Should.ThrowAsync<IOException>(() => Store.PutAsync(key, upload, "image/png", Ct));

        (await Store.OpenAsync(key, Ct)).ShouldBeNull();
    }

    [Theory]
    [InlineData("../outside.png")]
    [InlineData("posters/../../outside.png")]
    [InlineData("posters/..")]
    [InlineData("/etc/passwd")]
    [InlineData("")]
    [InlineData("   ")]
    public async Task ShouldRefuseTheKey_GivenPathTraversalOrNoKey(string key)
    {
        using var upload = new MemoryStream([1, 2, 3]);

        await Should.ThrowAsync<ArgumentException>(() => Store.PutAsync(key, upload, "image/png", Ct));
        await Should.ThrowAsync<ArgumentException>(() => Store.OpenAsync(key, Ct));
        await Should.ThrowAsync<ArgumentException>(() => Store.DeleteAsync(key, Ct));
        upload.Position.ShouldBe(0);
    }

    /// <summary>A network-like stream: reads forward only, length unknown.</summary>
    private sealed class ForwardOnlyStream(byte[] bytes) : MemoryStream(bytes)
    {
        public override bool CanSeek => false;

        public override long Length => throw new NotSupportedException();

        public override long Position
        {
            get => throw new NotSupportedException();
            set => throw new NotSupportedException();
        }

        public override long Seek(long offset, SeekOrigin loc) => throw new NotSupportedException();
    }

    /// <summary>A connection that drops: some bytes, then an I/O error.</summary>
    private sealed class FailingStream(int bytesBeforeFailure) : Stream
    {
        private int _delivered;

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
            if (_delivered >= bytesBeforeFailure)
            {
                throw new IOException("The connection was reset.");
            }

            var n = Math.Min(count, bytesBeforeFailure - _delivered);
            buffer.AsSpan(offset, n).Fill(0x42);
            _delivered += n;
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
