using Microsoft.Extensions.Options;
using Shouldly;
using TicketBlue.Domain.Files;
using TicketBlue.Infrastructure.Files;

namespace TicketBlue.Tests.Infrastructure.Files;

[Trait("Category", "Integration")]
public sealed class FileSystemBlobStoreTests : BlobStoreContractTests, IDisposable
{
    private readonly string _parent = Path.Combine(Path.GetTempPath(), "tb-test-fs-blobs", Guid.NewGuid().ToString("N"));
    private readonly FileSystemBlobStore _store;

    public FileSystemBlobStoreTests()
    {
        Directory.CreateDirectory(_parent);
        Root = Path.Combine(_parent, "root");
        _store = new FileSystemBlobStore(Options.Create(new FileSystemBlobStoreOptions { RootPath = Root }));
    }

    private string Root { get; }

    protected override IBlobStore Store => _store;

    public void Dispose()
    {
        if (Directory.Exists(_parent))
        {
            Directory.Delete(_parent, recursive: true);
        }
    }

    [Fact]
    public async Task ShouldWriteNothingOutsideTheRoot_GivenATraversalKey()
    {
        using var upload = new MemoryStream([1, 2, 3]);

        await Should.ThrowAsync<ArgumentException>(() => Store.PutAsync("../outside.png", upload, "image/png", Ct));

        Directory.GetFileSystemEntries(_parent).ShouldBeEmpty();
    }

    [Fact]
    public async Task ShouldLeaveNoTemporaryFile_GivenTheUploadStreamFails()
    {
        using var upload = new ThrowingStream();

        await Should.ThrowAsync<IOException>(() => Store.PutAsync(NewKey(), upload, "image/png", Ct));

        Directory.GetFiles(Root, "*", SearchOption.AllDirectories).ShouldBeEmpty();
    }

    private sealed class ThrowingStream() : MemoryStream(new byte[1000])
    {
        public override Task CopyToAsync(Stream destination, int bufferSize, CancellationToken cancellationToken) =>
            Task.FromException(new IOException("The connection was reset."));
    }
}
